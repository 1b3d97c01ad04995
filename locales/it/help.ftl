# Help articles: Italian.

help-contact = Inviare un messaggio al supporto partner
    .summary = Scriva al supporto partner direttamente dall’app quando ha una domanda sulla sua struttura, su una prenotazione o sul suo account.
    .body = Tocchi «Altro», poi «Assistenza», e quindi l’icona della busta per aprire «Invia un messaggio».
        Scelga l’argomento più adatto e poi il sottoargomento, e descriva con parole sue di cosa ha bisogno. Se la domanda riguarda una prenotazione, selezioni «Prenotazioni» e indichi il numero di conferma, così potremo trovarla subito.
        Prima di toccare «Invia», può aggiungere delle foto, ad esempio uno screenshot o un’immagine che mostri il problema.
        Cerchiamo di rispondere entro 24 ore, anche se a volte potrebbe volerci un po’ di più. La nostra risposta comparirà in «Messaggi» e potrà vederla anche in «Notifiche».

help-technical = Segnalare un problema tecnico
    .summary = Ci avvisi quando qualcosa nell’app o sulla piattaforma non funziona come dovrebbe.
    .body = In «Assistenza», tocchi «Segnala un problema tecnico». L’app inserisce la segnalazione nell’argomento «Account» con il sottoargomento «Altre richieste», così arriva al team che si occupa dei problemi tecnici.
        Descriva cosa è successo, cosa si aspettava invece e, più o meno, da quando si verifica il problema. Uno screenshot dell’eventuale messaggio di errore ci è molto utile.
        Per aiutarci nelle verifiche, l’app allega alcune informazioni sul dispositivo, come la versione dell’app, la piattaforma, la lingua e lo stato della connessione. Prima dell’invio vedrà esattamente quali dati vengono inclusi.
        Quando ha finito, tocchi «Invia». Un membro del nostro team la contatterà il prima possibile.

help-complaint = Inviare un reclamo
    .summary = Invii un reclamo quando qualcosa non è andato come previsto con la nostra piattaforma o i nostri servizi e desidera un esame formale della questione.
    .body = Il reclamo serve per problemi legati alla piattaforma o al servizio ricevuto da noi, non per le domande di tutti i giorni. Per una semplice domanda, «Invia un messaggio» è di solito la via più rapida.
        In «Assistenza», tocchi «Invia un reclamo». Per prima cosa indichi chi presenta il reclamo: lei in quanto partner, una persona che lavora per il partner o qualcuno che lo rappresenta.
        Inserisca poi un nome e un indirizzo email per permetterci di contattarla; il numero di telefono è facoltativo.
        Quindi scelga l’argomento a cui si riferisce il reclamo e spieghi nel messaggio che cosa non ha funzionato. Più dettagli fornisce, come date, numeri di prenotazione e ciò che ha già provato, più rapidamente potremo risolvere la situazione.
        Tocchi «Invia» per inoltrare il reclamo. Potrà seguirne l’avanzamento in «Messaggi».

help-process = Come gestiamo il suo reclamo
    .summary = Cosa succede dopo l’invio di un reclamo, dalla nostra prima risposta fino all’esito finale.
    .body = Per prima cosa confermiamo di aver ricevuto il reclamo e le spieghiamo che cosa aspettarsi nei passaggi successivi. Cerchiamo di rispondere entro 24 ore.
        Durante l’esame del reclamo le invieremo aggiornamenti, e un membro del nostro team potrebbe chiederle ulteriori informazioni. Può rispondere direttamente in «Messaggi».
        Quando avremo individuato una soluzione, le comunicheremo l’esito. Può accettarlo oppure esprimere il suo disaccordo, spiegandone il motivo in un commento.
        Se la sua attività ha sede nello Spazio economico europeo (SEE) e il disaccordo persiste, può richiedere una mediazione. Un mediatore indipendente esaminerà quindi il caso.

help-urgent = Questioni urgenti: ci chiami
    .summary = Quando qualcosa non può attendere una risposta scritta, è meglio chiamare il supporto partner.
    .body = Alcune situazioni richiedono una risposta immediata, ad esempio quando un ospite con una prenotazione si presenta alla porta e non c’è nessuna camera disponibile.
        In questi casi non aspetti la risposta a un messaggio. Apra «Assistenza» e tocchi «Chiama il supporto» per parlare direttamente con il supporto partner.
        Tenga a portata di mano il numero di conferma e i dati della sua struttura, così potremo aiutarla più in fretta.
        Per tutto ciò che può attendere, «Invia un messaggio» resta il modo più semplice per contattarci.

help-guests = Indirizzare gli ospiti all’aiuto giusto
    .summary = Gli ospiti ricevono aiuto più rapidamente dalle pagine di aiuto dedicate agli ospiti che dalla linea riservata ai partner.
    .body = Il supporto partner esiste per aiutare lei e la sua struttura. Non possiamo assistere gli ospiti che ci contattano tramite i canali per i partner, e di solito questo rallenta le cose per tutti.
        Se un ospite ha bisogno del nostro aiuto, lo indirizzi alle pagine di aiuto dedicate agli ospiti. Lì potrà gestire in autonomia la prenotazione o contattare il servizio clienti nella propria lingua via chat, email o telefono.
        Non comunichi agli ospiti i recapiti che lei usa per contattarci, né il nostro numero di telefono per i partner. Il modo più semplice è invitarli ad aprire la sezione di aiuto dell’app o del sito web con cui hanno prenotato.

help-offline = Scrivere senza connessione
    .summary = Può scriverci anche senza campo, e il messaggio verrà inviato non appena la connessione torna disponibile.
    .body = Se la connessione si interrompe mentre scrive, continui pure. Il messaggio viene salvato sul telefono come bozza, così potrà completarlo in seguito.
        Se tocca «Invia» senza connessione, il messaggio resta sul telefono insieme alle eventuali foto, nella sezione «In attesa di invio».
        Appena la connessione ritorna, l’app lo invia automaticamente e una sola volta, quindi non dovrà mai inviarlo di nuovo.
        Chiudere l’app non fa perdere nulla. Le bozze e i messaggi in attesa saranno ancora lì quando la riaprirà, e potrà trovarli in «Altro», alle voci «Bozze» e «In attesa di invio».
