# The app's texts: Italian. Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Italiano
tab-home = Home
tab-messages = Messaggi
tab-notifications = Notifiche
tab-more = Altro
nav-back = Indietro
unread-badge = { $count ->
    [one] Una notifica non letta
    [many] { $count } notifiche non lette
   *[other] { $count } notifiche non lette
}
line-offline = Nessuna connessione. Quello che scrive viene conservato e inviato non appena la connessione torna disponibile.
line-waiting = { $count ->
    [one] Un messaggio in attesa di invio
    [many] { $count } messaggi in attesa di invio
   *[other] { $count } messaggi in attesa di invio
}
banner-label = Novità dal supporto partner
loading = Caricamento…
elsewhere-body = Pulse Companion è aperto in un’altra scheda. Usarlo qui? L’altra scheda si ferma e non va perso nulla di ciò che ha scritto.
elsewhere-use-here = Usalo qui
fatal-storage = L’app non è riuscita ad aprire la memoria su questo dispositivo: { $reason }
action-failed = Non è andata a buon fine. { $reason }
notice-close = Chiudi
read-failed = Impossibile mostrare questo contenuto. { $reason }
read-retry = Riprova

## Signing in

sign-in-title = Accedi
sign-in-intro = Acceda con il suo account partner per contattare il supporto partner.
sign-in-not-remembered = Questo dispositivo non ha un portachiavi che l’app possa usare, quindi la sessione non verrà ricordata: dopo aver chiuso l’app dovrà accedere di nuovo.
sign-in-again-intro = La sessione è scaduta. Acceda di nuovo: le bozze e i messaggi in attesa sono al sicuro.
sign-in-server = Indirizzo del server
sign-in-email = Indirizzo email
sign-in-password = Password
sign-in-submit = Accedi
sign-in-busy = Accesso in corso…
sign-in-forgot = Password dimenticata?
sign-in-advanced = Avanzate: indirizzo del server
sign-in-advanced-hint = Lo modifichi solo se il suo team di supporto le ha indicato un altro indirizzo.

forgot-title = Password dimenticata
forgot-intro = Inserisca l’indirizzo email del suo account. Le invieremo un link per scegliere una nuova password.
forgot-submit = Invia il link
forgot-busy = Invio in corso…
forgot-sent = Se esiste un account con l’indirizzo { $email }, è in arrivo un’email con un link per scegliere una nuova password. Il link è valido per un’ora. Se non arriva nulla, controlli la cartella spam.
forgot-back = Torna all’accesso

password-new = Nuova password
password-rules = Almeno 8 caratteri, quelli che preferisce. Qualche parola facile da ricordare funziona bene.
password-show = Mostra password
password-current = Password attuale
welcome-title = Le diamo il benvenuto in Pulse Companion
welcome-intro = Scelga una password per { $email }. La userà insieme al suo indirizzo email per accedere.
reset-title = Scelga una nuova password
reset-intro = Scelga una nuova password per { $email }. Tutti i dispositivi che usano questo account verranno disconnessi.
link-checking = Verifica del link in corso…
link-submit = Salva e accedi
link-busy = Salvataggio in corso…
link-invalid = Questo link non funziona più: è già stato usato, è scaduto oppure è stato sostituito da uno più recente. Nella schermata di accesso, scelga «Password dimenticata?» per riceverne uno nuovo.
link-other-account = Questo link è per { $email }, ma su questo dispositivo ha eseguito l’accesso { $current }. Esca prima dall’account, poi apra di nuovo il link.

## Home

home-greeting = Salve, { $name }
home-intro = Come possiamo aiutarla oggi?
home-write = Invia un messaggio
home-help = Assistenza e articoli
home-recent = Messaggi recenti
home-see-all = Vedi tutti i messaggi
home-no-cases = Non ha ancora scritto al supporto partner.
home-drafts = { $count ->
    [one] Ha una bozza non completata
    [many] Ha { $count } bozze non completate
   *[other] Ha { $count } bozze non completate
}

## More

more-title = Altro
more-help = Assistenza
more-drafts = Bozze
more-outbox = In attesa di invio
more-settings = Impostazioni
more-sign-out = Esci

## Help

help-title = Assistenza
help-search = Cerca negli articoli di assistenza
help-search-empty = Nessun articolo corrisponde a «{ $query }».
help-write = Invia un messaggio
help-report-technical = Segnala un problema tecnico
help-submit-complaint = Invia un reclamo
help-call = Chiama il supporto
help-call-note = Per le questioni urgenti, ad esempio un ospite alla porta senza una camera disponibile.
help-call-number = +31 20 794 7000
help-guests-note = È un ospite? Consulti le pagine di aiuto dedicate agli ospiti: questa linea è riservata ai partner.
help-articles = Articoli
## Writing a message

compose-title = Invia un messaggio
compose-technical-title = Segnala un problema tecnico
compose-complaint-title = Invia un reclamo
compose-intro = Scelga un argomento e ci racconti cosa è successo. Appena il messaggio ci arriva, vedrà entro quando contiamo di risponderle.
compose-technical-intro = Ci descriva cosa non ha funzionato. Le informazioni sul dispositivo riportate qui sotto vengono inviate insieme alla segnalazione.
compose-complaint-intro = Qualcosa non è stato gestito come si aspettava? Ci indichi chi presenta il reclamo, come possiamo contattarla e di che cosa si tratta.
compose-continue-draft = Riprendi la bozza non completata
compose-topic = Argomento
compose-topic-choose = Scelga un argomento
compose-subtopic = Sottoargomento
compose-subtopic-choose = Scelga un sottoargomento
compose-reservation = Numero di conferma
compose-reservation-hint = Il numero di conferma della prenotazione, solo cifre.
compose-property = Struttura
compose-property-any = Tutte le mie strutture
compose-message = Messaggio
compose-message-placeholder = Descriva cosa è successo e di cosa ha bisogno da noi.
compose-characters = { $count } / { $max }
compose-photos = Foto
compose-add-photo = Aggiungi una foto
compose-photo-alt = Foto { $number }
compose-remove-photo = Rimuovi
compose-send = Invia
compose-saved = Bozza salvata su questo telefono
compose-delete-draft = Elimina la bozza
compose-diagnostics = Informazioni sul dispositivo
compose-diagnostics-note = Queste informazioni ci aiutano a individuare il problema e vengono inviate insieme alla segnalazione.
complaint-who = Chi presenta il reclamo?
complaint-who-partner = Sono il partner (proprietario o gestore)
complaint-who-staff = Lavoro per il partner
complaint-who-representative = Rappresento il partner
complaint-name = Il suo nome
complaint-email = Indirizzo email
complaint-phone = Numero di telefono (facoltativo)

diag-app_version = Versione dell’app
diag-platform = Piattaforma
diag-language = Lingua
diag-connection = Connessione
diag-user_agent = Browser
diag-online = Connesso
diag-offline = Non connesso
diag-unknown = Non ancora disponibile

## After Send

sent-title = Il suo messaggio è in viaggio
sent-reply-pending = Appena il suo messaggio arriva al supporto partner, vedrà qui entro quando contiamo di risponderle.
sent-queued = In attesa di connessione
sent-queued-retry = In attesa di connessione ({ $attempts ->
    [one] un tentativo effettuato
    [many] { $attempts } tentativi effettuati
   *[other] { $attempts } tentativi effettuati
})
sent-sending = Invio in corso…
sent-sent = Inviato
sent-failed = Non inviato: { $reason }
sent-stuck = Bloccato: { $reason } Viene ritentato di tanto in tanto; può anche riprovare ora o scartarlo.
sent-gone = Questo messaggio non è più in attesa di invio.
sent-retry = Riprova
sent-edit = Modifica
sent-discard = Elimina
sent-cancel = Annulla l’invio
sent-view-case = Visualizza il messaggio
sent-done = Fine

## Drafts and the outbox

drafts-title = Bozze
drafts-empty = Nessuna bozza. Tutto ciò che inizia a scrivere viene conservato qui finché non lo invia.
draft-untitled = Bozza senza argomento
draft-edited = Modificata { $when }
outbox-title = In attesa di invio
outbox-empty = Nessun messaggio in attesa: tutto ciò che ha inviato è arrivato al supporto partner.
outbox-new-case = Nuovo messaggio
outbox-reply = Risposta
outbox-resolution = Risposta a un esito
outbox-mediation = Richiesta di mediazione

## Messages (cases)

messages-title = Messaggi
messages-empty = Ancora nessun messaggio. Può scriverci dalla sezione Assistenza.
messages-search = Cerca nei suoi messaggi
messages-no-match = Nessun messaggio corrisponde a «{ $query }».
messages-more = Mostra i messaggi precedenti
messages-unread = { $count ->
    [one] Un nuovo messaggio
    [many] { $count } nuovi messaggi
   *[other] { $count } nuovi messaggi
}
messages-cached = Dati salvati su questo telefono: potrebbero non essere aggiornati.
case-not-found = Questo messaggio non è ancora presente su questo telefono. Lo riapra quando la connessione sarà disponibile.
case-reservation = Numero di conferma { $number }
case-created = Inviato { $when }
case-expected-next = Prossimi passi
case-number = Caso { $number }
case-reply-due = { $day ->
    [today] Contiamo di risponderle entro oggi alle { $time }.
    [tomorrow] Contiamo di risponderle entro domani alle { $time }.
    [weekday] Contiamo di risponderle entro { $weekday } alle { $time }.
   *[date] Contiamo di risponderle entro il { $date }.
}
case-reply-late = { $day ->
    [today] La nostra risposta è in ritardo: contavamo di risponderle entro oggi alle { $time }. Ce ne stiamo occupando.
    [yesterday] La nostra risposta è in ritardo: contavamo di risponderle entro ieri alle { $time }. Ce ne stiamo occupando.
    [weekday] La nostra risposta è in ritardo: contavamo di risponderle entro { $weekday } alle { $time }. Ce ne stiamo occupando.
   *[date] La nostra risposta è in ritardo: contavamo di risponderle entro il { $date }. Ce ne stiamo occupando.
}
case-info-needed-title = Il supporto partner ha bisogno di ulteriori informazioni
case-info-needed-body = Risponda qui sotto per permetterci di proseguire con il suo caso.
case-reply = Rispondi
case-reply-placeholder = Scriva la sua risposta
case-reply-send = Invia la risposta
case-pending = { $count ->
    [one] Un messaggio in attesa di invio per questo caso
    [many] { $count } messaggi in attesa di invio per questo caso
   *[other] { $count } messaggi in attesa di invio per questo caso
}
case-resolved-title = Il supporto partner ha risolto questo caso
case-outcome = Esito: { $outcome }
case-answer-intro = Questo esito risolve il suo problema?
case-accept = Accetta l’esito
case-disagree = Non sono d’accordo
case-disagree-comment = Ci spieghi perché non è d’accordo
case-disagree-send = Invia il mio disaccordo
case-mediation-title = Mediazione indipendente
case-mediation-body = In quanto partner con sede nello Spazio economico europeo, può chiedere a un mediatore indipendente di esaminare questo caso.
case-mediation-request = Richiedi la mediazione
case-attachments = { $count ->
    [one] Un allegato
    [many] { $count } allegati
   *[other] { $count } allegati
}
case-document = Documento { $number } (PDF)
case-photo-close = Chiudi
case-you = Lei
case-support = Supporto partner

kind-question = Domanda
kind-technical_issue = Problema tecnico
kind-complaint = Reclamo

status-queued = In attesa di invio
status-submitted = Inviato
status-acknowledged = Ricezione confermata
status-in_progress = In lavorazione
status-awaiting_partner = Servono ulteriori informazioni
status-resolved = Risolto
status-accepted = Esito accettato
status-disputed = Esito contestato
status-mediation = In mediazione
status-closed = Chiuso

event-submitted = Ha inviato il messaggio
event-acknowledged = Il supporto partner ha ricevuto il suo messaggio
event-update = Aggiornamento dal supporto partner
event-info_requested = Il supporto partner ha bisogno di ulteriori informazioni
event-reply = Risposta
event-resolved = Caso risolto
event-accepted = Ha accettato l’esito
event-disputed = Ha espresso disaccordo sull’esito
event-mediation_requested = Mediazione richiesta
event-closed = Caso chiuso

## Notifications

notifications-title = Notifiche
notifications-empty = Nessuna notifica. Quando il supporto partner risponderà, lo vedrà qui.
notifications-mark-all = Segna tutte come lette
notification-unread = Non letta
notify-acknowledged = Il suo messaggio relativo a { $topic } è stato ricevuto.
notify-update = Nuovo aggiornamento relativo a { $topic }.
notify-info_requested = Servono ulteriori informazioni relative a { $topic }.
notify-reply = Nuova risposta relativa a { $topic }.
notify-resolved = Il suo caso relativo a { $topic } è stato risolto.
notify-accepted = L’esito relativo a { $topic } è stato accettato.
notify-disputed = Il suo disaccordo relativo a { $topic } è stato registrato.
notify-mediation_requested = È stata richiesta una mediazione relativa a { $topic }.
notify-closed = Il suo caso relativo a { $topic } è stato chiuso.
notify-submitted = Il suo messaggio relativo a { $topic } è stato inviato.

## Settings

settings-title = Impostazioni
settings-language = Lingua
settings-language-device = Lingua del telefono
settings-account = Account
settings-account-name = Nome
settings-account-email = Indirizzo email
settings-account-properties = { $count ->
    [one] Una struttura
    [many] { $count } strutture
   *[other] { $count } strutture
}
settings-notifications = Notifiche
settings-push-on = Attive: questo dispositivo la avvisa quando il supporto partner risponde o il suo caso cambia, anche quando l’app è chiusa.
settings-push-off = Disattivate: vedrà cosa è cambiato nei suoi casi quando apre l’app.
settings-push-turn-on = Attiva le notifiche
settings-push-turn-off = Disattiva le notifiche
settings-push-busy = Un momento…
settings-push-blocked = Bloccate dal browser: non consente a questo sito di mostrare notifiche.
settings-push-blocked-how = Per consentirle, apra le impostazioni del sito (l’icona del lucchetto accanto all’indirizzo), imposti Notifiche su Consenti e ricarichi la pagina.
settings-push-unavailable-browser = Non disponibili in questo browser. Vedrà cosa è cambiato nei suoi casi quando apre l’app.
settings-push-unavailable-device = Non disponibili su questo dispositivo. Vedrà cosa è cambiato nei suoi casi quando apre l’app.
settings-push-not-allowed = Le notifiche restano disattivate: il browser non ha ricevuto il permesso di mostrarle.
settings-push-subscribe-failed = Questo browser non è riuscito a iscriversi alle notifiche: forse non ha un servizio push, o non riesce a raggiungerlo in questo momento. Non è stato modificato nulla.
settings-push-offline = Impossibile raggiungere il server, quindi non è stato modificato nulla. Riprovi quando è online.
settings-server = Server
settings-about = Informazioni
settings-version = Versione { $version }
settings-sign-out = Esci
settings-password = Password
settings-change-password = Cambia password
password-change-submit = Cambia password
password-change-busy = Modifica in corso…
password-changed = La password è stata cambiata. I suoi altri dispositivi sono stati disconnessi.
settings-sign-out-everywhere = Esci da tutti i dispositivi
sign-out-everywhere-confirm = Uscire da tutti i dispositivi che usano questo account, compreso questo? Le bozze e i messaggi in attesa restano su questo dispositivo per il suo prossimo accesso.
sign-out-everywhere-yes = Esci ovunque
sign-out-unsent = { $count ->
        [one] Un messaggio o una bozza su questo telefono non è ancora arrivato all’assistenza.
       *[other] { $count } messaggi o bozze su questo telefono non sono ancora arrivati all’assistenza.
    } Cosa vuole farne?
sign-out-send-first = Inviarli prima, poi uscire
sign-out-keep = Tenerli per il mio prossimo accesso
sign-out-discard = Eliminarli e uscire
sign-out-stay = Restare connesso
sign-out-sending = { $count ->
        [one] Invio di un messaggio…
       *[other] Invio di { $count } messaggi…
    } Uscirà appena saranno partiti.

## Times

time-just-now = adesso
time-minutes-ago = { $count ->
    [one] un minuto fa
    [many] { $count } minuti fa
   *[other] { $count } minuti fa
}
time-hours-ago = { $count ->
    [one] un’ora fa
    [many] { $count } ore fa
   *[other] { $count } ore fa
}
time-yesterday = ieri
time-days-ago = { $count ->
    [one] un giorno fa
    [many] { $count } giorni fa
   *[other] { $count } giorni fa
}
date-time = { $day } { $month } { $year }, { $time }
month-1 = gen
month-2 = feb
month-3 = mar
month-4 = apr
month-5 = mag
month-6 = giu
month-7 = lug
month-8 = ago
month-9 = set
month-10 = ott
month-11 = nov
month-12 = dic
weekday-1 = lunedì
weekday-2 = martedì
weekday-3 = mercoledì
weekday-4 = giovedì
weekday-5 = venerdì
weekday-6 = sabato
weekday-7 = domenica

## Errors: the server's codes and the app's own

error-network = Impossibile raggiungere il server. Il messaggio viene conservato e inviato più tardi.
error-unexpected = Si è verificato un errore da parte nostra. Riprovi.
error-invalid_input = Alcuni dati di questo modulo non sono corretti. Li controlli, per favore.
error-body_empty = Scriva un messaggio.
error-body_too_long = Il messaggio è troppo lungo: massimo { $max } caratteri.
error-unknown_topic = Scelga un argomento.
error-unknown_subtopic = Scelga un sottoargomento.
error-reservation_ref_invalid = Il numero di conferma può contenere solo cifre.
error-unknown_property = Questa struttura non è associata al suo account.
error-too_many_attachments = Massimo { $max } foto per messaggio.
error-unknown_attachment = Impossibile trovare una foto. La rimuova e la aggiunga di nuovo.
error-attachment_too_large = Questo file è troppo grande: massimo { $max } MB.
error-unsupported_media_type = È possibile inviare solo foto (JPEG, PNG, WebP, HEIC) e file PDF.
error-payload_too_large = Il contenuto è troppo grande per essere inviato.
error-idempotency_key_missing = L’app ha inviato una richiesta incompleta. Riprovi.
error-idempotency_key_invalid = L’app ha inviato una richiesta incompleta. Riprovi.
error-idempotency_key_reused = Questo messaggio è già stato inviato con un contenuto diverso.
error-invalid_credentials = L’indirizzo email o la password non sono corretti.
error-unauthorized = La sessione è scaduta. Acceda di nuovo.
error-forbidden = Non dispone dell’autorizzazione per eseguire questa operazione.
error-not_found = Elemento non trovato.
error-invalid_transition = Nel frattempo lo stato di questo caso è cambiato. Aggiorni e riprovi.
error-mediation_not_available = La mediazione è disponibile per i partner con sede nello Spazio economico europeo.
error-rate_limited = Troppi tentativi. Attenda qualche istante.
error-internal = Si è verificato un errore da parte nostra. Riprovi.
error-contact_required = Inserisca il suo nome e un indirizzo email valido.
error-email_invalid = Questo indirizzo email è incompleto. Inserisca il suo nome e un indirizzo email valido.
error-text_invalid = Questo testo contiene caratteri che non si possono inviare. Li rimuova e riprovi.
error-text_too_long = Un nome o un numero di telefono è troppo lungo. Lo accorci e riprovi.
error-too_many_pending_files = Troppe foto sono in attesa di invio. Partono con i suoi messaggi; riprovi tra un minuto.
error-image_unreadable = Non è stato possibile leggere questa foto. La scatti di nuovo o ne scelga un'altra.
error-image_too_large = Questa foto è troppo grande da elaborare. Ne scelga una più piccola.
error-password_too_short = La password deve contenere almeno 8 caratteri.
error-password_too_long = La password può contenere al massimo 128 caratteri.
error-password_common = Questa password è tra le più comuni o finite in fughe di dati, quindi è facile da indovinare. Ne scelga un’altra: qualche parola facile da ricordare funziona bene.
error-link_invalid = Questo link non funziona più: è già stato usato, è scaduto oppure è stato sostituito da uno più recente. Ne richieda uno nuovo.
error-unknown_handler = Questo account non appartiene al supporto partner.
error-too_many_saved_replies = Ha raggiunto il numero massimo di risposte salvate. Ne elimini una prima di aggiungerne un’altra.
error-push_target_invalid = L’indirizzo per le notifiche di questo dispositivo non è stato accettato. Riprovi.
error-push_unavailable = Questo server non invia notifiche a questo tipo di dispositivo.
error-push_target_taken = Le notifiche su questo dispositivo sono impostate per un altro account. Esca da quell’account su questo dispositivo, poi riprovi.
error-file_missing = Una foto di questo messaggio non è più su questo telefono. Modifichi il messaggio e la aggiunga di nuovo.
error-on_its_way = Questo messaggio è già in viaggio verso l’assistenza, quindi non può più essere modificato né annullato. Arriverà una sola volta.
error-storage = Impossibile leggere o scrivere nella memoria di questo telefono. Riprovi.
error-server_address = Inserisca l’indirizzo del server, che deve iniziare con http:// o https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Tariffe e disponibilità
topic-promotions = Promozioni
topic-reservations = Prenotazioni
topic-opportunities = Opportunità
topic-guest_reviews = Recensioni degli ospiti
topic-invoices_commission = Fatture e commissioni
topic-payouts = Ricezione dei pagamenti
topic-statistics = Statistiche
topic-property_details = Dettagli della struttura
topic-account = Account
subtopic-rates_availability-rates = Tariffe
subtopic-rates_availability-availability = Disponibilità
subtopic-rates_availability-restrictions = Restrizioni
subtopic-rates_availability-other = Altre richieste
subtopic-promotions-create_promotion = Creazione di una promozione
subtopic-promotions-promotion_display = Visualizzazione di una promozione
subtopic-promotions-other = Altre richieste
subtopic-reservations-cancellations = Cancellazioni
subtopic-reservations-changes = Modifiche
subtopic-reservations-questions = Domande
subtopic-opportunities-opportunity_centre = Centro opportunità
subtopic-opportunities-commercial_advice = Consulenza commerciale
subtopic-opportunities-other = Altre richieste
subtopic-guest_reviews-guest_comment = Commento di un ospite
subtopic-guest_reviews-review_reply = La mia risposta a una recensione
subtopic-guest_reviews-other = Altre richieste
subtopic-invoices_commission-invoices = Fatture
subtopic-invoices_commission-commission = Commissioni
subtopic-invoices_commission-other = Altre richieste
subtopic-payouts-payouts = Pagamenti
subtopic-payouts-payments_service = Servizio di pagamento
subtopic-payouts-virtual_cards = Carte virtuali
subtopic-payouts-bank_details = Coordinate bancarie
subtopic-statistics-analytics = Analisi dei dati
subtopic-statistics-performance = Prestazioni
subtopic-statistics-other = Altre richieste
subtopic-property_details-star_rating = Classificazione a stelle
subtopic-property_details-facilities = Servizi
subtopic-property_details-location = Posizione
subtopic-property_details-other = Altre richieste
subtopic-account-password = Password
subtopic-account-contacts = Contatti
subtopic-account-channel_manager = Channel manager
subtopic-account-devices = Dispositivi
subtopic-account-contract_termination = Risoluzione del contratto
subtopic-account-other = Altre richieste
