# The app's texts: Dutch. Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Nederlands
tab-home = Start
tab-messages = Berichten
tab-notifications = Meldingen
tab-more = Meer
nav-back = Terug
unread-badge = { $count ->
    [one] Eén ongelezen melding
   *[other] { $count } ongelezen meldingen
}
line-offline = U bent offline. Wat u schrijft, wordt bewaard en verstuurd zodra de verbinding terug is.
line-waiting = { $count ->
    [one] Eén bericht wacht op verzending
   *[other] { $count } berichten wachten op verzending
}
banner-label = Nieuw van partnersupport
loading = Laden…
elsewhere-body = Pulse Companion is geopend in een ander tabblad. Hier gebruiken? Het andere tabblad stopt, en niets van wat u schreef gaat verloren.
elsewhere-use-here = Hier gebruiken
fatal-storage = De app kan de opslag op dit apparaat niet openen: { $reason }
action-failed = Dat is niet gelukt. { $reason }
notice-close = Sluiten
read-failed = Dit kan niet worden getoond. { $reason }
read-retry = Opnieuw proberen

## Signing in

sign-in-title = Inloggen
sign-in-intro = Log in met uw partneraccount om contact op te nemen met partnersupport.
sign-in-not-remembered = Dit apparaat heeft geen sleutelhanger die de app kan gebruiken, dus de sessie wordt niet onthouden: nadat de app is gesloten, logt u opnieuw in.
sign-in-again-intro = Uw sessie is verlopen. Log opnieuw in: uw concepten en wachtende berichten blijven bewaard.
sign-in-server = Serveradres
sign-in-email = E-mailadres
sign-in-password = Wachtwoord
sign-in-submit = Inloggen
sign-in-busy = Bezig met inloggen…
sign-in-forgot = Wachtwoord vergeten?
sign-in-advanced = Geavanceerd: serveradres
sign-in-advanced-hint = Wijzig dit alleen als uw supportteam u een ander adres heeft gegeven.

forgot-title = Wachtwoord vergeten
forgot-intro = Vul het e-mailadres van uw account in. We sturen u een link om een nieuw wachtwoord te kiezen.
forgot-submit = Link versturen
forgot-busy = Bezig met versturen…
forgot-sent = Als er een account met { $email } bestaat, is er een e-mail met een link om een nieuw wachtwoord te kiezen naar u onderweg. De link werkt één uur. Komt er niets aan? Kijk dan in uw map met spam of ongewenste e-mail.
forgot-back = Terug naar inloggen

password-new = Nieuw wachtwoord
password-rules = Minimaal 8 tekens, welke u maar wilt. Een paar woorden die u goed kunt onthouden, werken prima.
password-show = Wachtwoord tonen
password-current = Huidig wachtwoord
welcome-title = Welkom bij Pulse Companion
welcome-intro = Kies een wachtwoord voor { $email }. Daarmee en met uw e-mailadres logt u in.
reset-title = Kies een nieuw wachtwoord
reset-intro = Kies een nieuw wachtwoord voor { $email }. Elk apparaat dat dit account gebruikt, wordt uitgelogd.
link-checking = Uw link wordt gecontroleerd…
link-submit = Opslaan en inloggen
link-busy = Bezig met opslaan…
link-invalid = Deze link werkt niet meer: hij is al gebruikt, is verlopen of is vervangen door een nieuwere. Kies op het inlogscherm “Wachtwoord vergeten?” om een nieuwe te krijgen.
link-other-account = Deze link is voor { $email }, maar op dit apparaat is { $current } ingelogd. Log eerst uit en open de link daarna opnieuw.

## Home

home-greeting = Hallo { $name }
home-intro = Waarmee kunnen we u vandaag helpen?
home-write = Stuur ons een bericht
home-help = Help en artikelen
home-recent = Recente berichten
home-see-all = Alle berichten bekijken
home-no-cases = U heeft partnersupport nog geen bericht gestuurd.
home-drafts = { $count ->
    [one] U heeft één onafgemaakt concept
   *[other] U heeft { $count } onafgemaakte concepten
}

## More

more-title = Meer
more-help = Help
more-drafts = Concepten
more-outbox = Wacht op verzending
more-settings = Instellingen
more-sign-out = Uitloggen

## Help

help-title = Help
help-search = Zoeken in helpartikelen
help-search-empty = Geen artikel gevonden voor “{ $query }”.
help-write = Stuur ons een bericht
help-report-technical = Technisch probleem melden
help-submit-complaint = Klacht indienen
help-call = Bel ons
help-call-note = Voor dringende zaken, bijvoorbeeld als er een gast voor de deur staat en er geen kamer vrij is.
help-call-number = +31 20 794 7000
help-guests-note = Bent u een gast? Gebruik dan de helppagina’s voor gasten: dit nummer is voor partners.
help-articles = Artikelen
## Writing a message

compose-title = Stuur ons een bericht
compose-technical-title = Technisch probleem melden
compose-complaint-title = Klacht indienen
compose-intro = Kies een onderwerp en vertel ons wat er is gebeurd. Zodra uw bericht bij ons is, ziet u wanneer we uiterlijk willen antwoorden.
compose-technical-intro = Vertel ons wat er misging. De apparaatgegevens hieronder worden met uw melding meegestuurd.
compose-complaint-intro = Niet tevreden over hoe iets is afgehandeld? Vertel ons wie de klacht indient, hoe we u kunnen bereiken en waar de klacht over gaat.
compose-continue-draft = Verdergaan met uw onafgemaakte concept
compose-topic = Onderwerp
compose-topic-choose = Kies een onderwerp
compose-subtopic = Subonderwerp
compose-subtopic-choose = Kies een subonderwerp
compose-reservation = Bevestigingsnummer
compose-reservation-hint = Het bevestigingsnummer van de reservering, alleen cijfers.
compose-property = Accommodatie
compose-property-any = Al mijn accommodaties
compose-message = Bericht
compose-message-placeholder = Beschrijf wat er is gebeurd en wat u van ons nodig heeft.
compose-characters = { $count } / { $max }
compose-photos = Foto’s
compose-add-photo = Foto toevoegen
compose-photo-alt = Foto { $number }
compose-remove-photo = Verwijderen
compose-send = Versturen
compose-saved = Concept opgeslagen op deze telefoon
compose-delete-draft = Concept verwijderen
compose-diagnostics = Apparaatgegevens
compose-diagnostics-note = Met deze gegevens kunnen we het probleem vinden. Ze worden met uw melding meegestuurd.
complaint-who = Wie dient de klacht in?
complaint-who-partner = Ik ben de partner (eigenaar of beheerder)
complaint-who-staff = Ik werk voor de partner
complaint-who-representative = Ik vertegenwoordig de partner
complaint-name = Uw naam
complaint-email = E-mailadres
complaint-phone = Telefoonnummer (optioneel)

diag-app_version = Appversie
diag-platform = Platform
diag-language = Taal
diag-connection = Verbinding
diag-user_agent = Browser
diag-online = Verbonden
diag-offline = Niet verbonden
diag-unknown = Nog niet bekend

## After Send

sent-title = Uw bericht is onderweg
sent-reply-pending = Zodra uw bericht bij partnersupport is aangekomen, ziet u hier wanneer we uiterlijk willen antwoorden.
sent-queued = Wacht op verbinding
sent-queued-retry = Wacht op verbinding ({ $attempts ->
    [one] één keer geprobeerd
   *[other] { $attempts } keer geprobeerd
})
sent-sending = Bezig met versturen…
sent-sent = Verstuurd
sent-failed = Niet verstuurd: { $reason }
sent-stuck = Blijft hangen: { $reason } Het wordt af en toe opnieuw geprobeerd; je kunt het ook nu opnieuw proberen of weggooien.
sent-gone = Dit bericht wacht niet meer op verzending.
sent-retry = Opnieuw proberen
sent-edit = Bewerken
sent-discard = Weggooien
sent-cancel = Verzenden annuleren
sent-view-case = Bericht bekijken
sent-done = Klaar

## Drafts and the outbox

drafts-title = Concepten
drafts-empty = Geen concepten. Alles wat u begint te schrijven, wordt hier bewaard tot u het verstuurt.
draft-untitled = Concept zonder onderwerp
draft-edited = Bewerkt { $when }
outbox-title = Wacht op verzending
outbox-empty = Er wacht niets: alles wat u heeft verstuurd, is bij partnersupport aangekomen.
outbox-new-case = Nieuw bericht
outbox-reply = Reactie
outbox-resolution = Reactie op een uitkomst
outbox-mediation = Verzoek om bemiddeling

## Messages (cases)

messages-title = Berichten
messages-empty = Nog geen berichten. Stuur ons een bericht via Help.
messages-search = Zoeken in uw berichten
messages-no-match = Geen bericht komt overeen met ‘{ $query }’.
messages-more = Oudere berichten tonen
messages-unread = { $count ->
    [one] Eén nieuw
   *[other] { $count } nieuw
}
messages-cached = Getoond vanaf deze telefoon: mogelijk niet de nieuwste stand.
case-not-found = Dit bericht staat nog niet op deze telefoon. Open het opnieuw als u online bent.
case-reservation = Bevestigingsnummer { $number }
case-created = Verstuurd { $when }
case-expected-next = Wat er nu gebeurt
case-number = Zaak { $number }
case-reply-due = { $day ->
    [today] We streven ernaar uiterlijk vandaag om { $time } te antwoorden.
    [tomorrow] We streven ernaar uiterlijk morgen om { $time } te antwoorden.
    [weekday] We streven ernaar uiterlijk { $weekday } om { $time } te antwoorden.
   *[date] We streven ernaar uiterlijk { $date } te antwoorden.
}
case-reply-late = { $day ->
    [today] Ons antwoord is te laat: we wilden uiterlijk vandaag om { $time } antwoorden. We zijn ermee bezig.
    [yesterday] Ons antwoord is te laat: we wilden uiterlijk gisteren om { $time } antwoorden. We zijn ermee bezig.
    [weekday] Ons antwoord is te laat: we wilden uiterlijk { $weekday } om { $time } antwoorden. We zijn ermee bezig.
   *[date] Ons antwoord is te laat: we wilden uiterlijk { $date } antwoorden. We zijn ermee bezig.
}
case-info-needed-title = Partnersupport heeft meer informatie nodig
case-info-needed-body = Reageer hieronder, zodat we verder kunnen met uw zaak.
case-reply = Reageren
case-reply-placeholder = Schrijf uw reactie
case-reply-send = Reactie versturen
case-pending = { $count ->
    [one] Eén bericht voor deze zaak wacht op verzending
   *[other] { $count } berichten voor deze zaak wachten op verzending
}
case-resolved-title = Partnersupport heeft deze zaak opgelost
case-outcome = Uitkomst: { $outcome }
case-answer-intro = Is uw probleem met deze uitkomst opgelost?
case-accept = Uitkomst accepteren
case-disagree = Ik ben het er niet mee eens
case-disagree-comment = Vertel ons waarom u het er niet mee eens bent
case-disagree-send = Mijn bezwaar versturen
case-mediation-title = Onafhankelijke bemiddeling
case-mediation-body = Als partner in de Europese Economische Ruimte kunt u een onafhankelijke bemiddelaar vragen deze zaak te beoordelen.
case-mediation-request = Om bemiddeling vragen
case-attachments = { $count ->
    [one] Eén bijlage
   *[other] { $count } bijlagen
}
case-document = Document { $number } (pdf)
case-photo-close = Sluiten
case-you = U
case-support = Partnersupport

kind-question = Vraag
kind-technical_issue = Technisch probleem
kind-complaint = Klacht

status-queued = Wacht op verzending
status-submitted = Verstuurd
status-acknowledged = Ontvangen
status-in_progress = In behandeling
status-awaiting_partner = Meer informatie nodig
status-resolved = Opgelost
status-accepted = Geaccepteerd
status-disputed = Niet mee eens
status-mediation = In bemiddeling
status-closed = Gesloten

event-submitted = U heeft uw bericht verstuurd
event-acknowledged = Partnersupport heeft uw bericht ontvangen
event-update = Update van partnersupport
event-info_requested = Partnersupport heeft meer informatie nodig
event-reply = Reactie
event-resolved = Opgelost
event-accepted = U heeft de uitkomst geaccepteerd
event-disputed = U bent het niet eens met de uitkomst
event-mediation_requested = Bemiddeling aangevraagd
event-closed = Zaak gesloten

## Notifications

notifications-title = Meldingen
notifications-empty = Geen meldingen. Zodra partnersupport antwoordt, ziet u dat hier.
notifications-mark-all = Alles als gelezen markeren
notification-unread = Ongelezen
notify-acknowledged = Uw bericht over “{ $topic }” is ontvangen.
notify-update = Nieuwe update over “{ $topic }”.
notify-info_requested = Er is meer informatie nodig over “{ $topic }”.
notify-reply = Nieuwe reactie over “{ $topic }”.
notify-resolved = Uw zaak over “{ $topic }” is opgelost.
notify-accepted = De uitkomst over “{ $topic }” is geaccepteerd.
notify-disputed = Uw bezwaar over “{ $topic }” is vastgelegd.
notify-mediation_requested = Er is bemiddeling aangevraagd over “{ $topic }”.
notify-closed = Uw zaak over “{ $topic }” is gesloten.
notify-submitted = Uw bericht over “{ $topic }” is verstuurd.

## Settings

settings-title = Instellingen
settings-language = Taal
settings-language-device = Taal van de telefoon
settings-account = Account
settings-account-name = Naam
settings-account-email = E-mailadres
settings-account-properties = { $count ->
    [one] Eén accommodatie
   *[other] { $count } accommodaties
}
settings-notifications = Meldingen
settings-push-on = Aan: dit apparaat laat u weten wanneer partnersupport antwoordt of uw zaak verandert, ook als de app gesloten is.
settings-push-off = Uit: u ziet wat er aan uw zaken is veranderd wanneer u de app opent.
settings-push-turn-on = Meldingen aanzetten
settings-push-turn-off = Meldingen uitzetten
settings-push-busy = Even geduld…
settings-push-blocked = Geblokkeerd door de browser: deze site mag geen meldingen tonen.
settings-push-blocked-how = Wilt u ze toestaan? Open de site-instellingen (het slotje naast het adres), zet Meldingen op Toestaan en laad de pagina opnieuw.
settings-push-unavailable-browser = Niet beschikbaar in deze browser. U ziet wat er aan uw zaken is veranderd wanneer u de app opent.
settings-push-unavailable-device = Niet beschikbaar op dit apparaat. U ziet wat er aan uw zaken is veranderd wanneer u de app opent.
settings-push-not-allowed = Meldingen blijven uit: de browser heeft geen toestemming gekregen om ze te tonen.
settings-push-subscribe-failed = Deze browser kon zich niet aanmelden voor meldingen: misschien heeft hij geen pushdienst, of kan hij die nu niet bereiken. Er is niets veranderd.
settings-push-offline = De server is niet bereikbaar, dus er is niets veranderd. Probeer het opnieuw wanneer u online bent.
settings-server = Server
settings-about = Over de app
settings-version = Versie { $version }
settings-sign-out = Uitloggen
settings-password = Wachtwoord
settings-change-password = Wachtwoord wijzigen
password-change-submit = Wachtwoord wijzigen
password-change-busy = Bezig met wijzigen…
password-changed = Uw wachtwoord is gewijzigd. Uw andere apparaten zijn uitgelogd.
settings-sign-out-everywhere = Uitloggen op alle apparaten
sign-out-everywhere-confirm = Uitloggen op elk apparaat dat dit account gebruikt, ook op dit apparaat? Concepten en wachtende berichten blijven op dit apparaat bewaard voor de volgende keer dat u inlogt.
sign-out-everywhere-yes = Overal uitloggen
sign-out-unsent = { $count ->
        [one] Eén bericht of concept op deze telefoon heeft support nog niet bereikt.
       *[other] { $count } berichten of concepten op deze telefoon hebben support nog niet bereikt.
    } Wat moet ermee gebeuren?
sign-out-send-first = Eerst versturen, dan uitloggen
sign-out-keep = Bewaren voor mijn volgende keer inloggen
sign-out-discard = Weggooien en uitloggen
sign-out-stay = Ingelogd blijven
sign-out-sending = { $count ->
        [one] Eén bericht wordt verstuurd…
       *[other] { $count } berichten worden verstuurd…
    } U wordt uitgelogd zodra ze weg zijn.

## Times

time-just-now = zojuist
time-minutes-ago = { $count ->
    [one] een minuut geleden
   *[other] { $count } minuten geleden
}
time-hours-ago = { $count ->
    [one] een uur geleden
   *[other] { $count } uur geleden
}
time-yesterday = gisteren
time-days-ago = { $count ->
    [one] een dag geleden
   *[other] { $count } dagen geleden
}
date-time = { $day } { $month } { $year } om { $time }
month-1 = jan.
month-2 = feb.
month-3 = mrt.
month-4 = apr.
month-5 = mei
month-6 = jun.
month-7 = jul.
month-8 = aug.
month-9 = sep.
month-10 = okt.
month-11 = nov.
month-12 = dec.
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag

## Errors: the server's codes and the app's own

error-network = De server is niet bereikbaar. Uw bericht wordt bewaard en later verstuurd.
error-unexpected = Er is aan onze kant iets misgegaan. Probeer het opnieuw.
error-invalid_input = Er klopt iets niet in dit formulier. Controleer het nog even.
error-body_empty = Schrijf een bericht.
error-body_too_long = Het bericht is te lang: maximaal { $max } tekens.
error-unknown_topic = Kies een onderwerp.
error-unknown_subtopic = Kies een subonderwerp.
error-reservation_ref_invalid = Een bevestigingsnummer bestaat alleen uit cijfers.
error-unknown_property = Deze accommodatie hoort niet bij uw account.
error-too_many_attachments = Maximaal { $max } foto’s per bericht.
error-unknown_attachment = Een foto is niet gevonden. Verwijder de foto en voeg hem opnieuw toe.
error-attachment_too_large = Dit bestand is te groot: maximaal { $max } MB.
error-unsupported_media_type = Alleen foto’s (JPEG, PNG, WebP, HEIC) en pdf-bestanden kunnen worden verstuurd.
error-payload_too_large = Dit is te groot om te versturen.
error-idempotency_key_missing = De app heeft een onvolledig verzoek verstuurd. Probeer het opnieuw.
error-idempotency_key_invalid = De app heeft een onvolledig verzoek verstuurd. Probeer het opnieuw.
error-idempotency_key_reused = Dit bericht is al verstuurd met een andere inhoud.
error-invalid_credentials = Het e-mailadres of het wachtwoord klopt niet.
error-unauthorized = Uw sessie is verlopen. Log opnieuw in.
error-forbidden = U heeft geen toestemming om dit te doen.
error-not_found = Dit is niet gevonden.
error-invalid_transition = Er is inmiddels iets veranderd in deze zaak. Vernieuw en probeer het opnieuw.
error-mediation_not_available = Bemiddeling is beschikbaar voor partners in de Europese Economische Ruimte.
error-rate_limited = Te veel pogingen. Wacht even.
error-internal = Er is aan onze kant iets misgegaan. Probeer het opnieuw.
error-contact_required = Vul uw naam en een geldig e-mailadres in.
error-email_invalid = Dit e-mailadres is niet volledig. Vul uw naam en een geldig e-mailadres in.
error-text_invalid = Deze tekst bevat tekens die niet verstuurd kunnen worden. Verwijder ze en probeer het opnieuw.
error-text_too_long = Een naam of telefoonnummer is te lang. Maak het korter en probeer het opnieuw.
error-too_many_pending_files = Er wachten te veel foto's om verstuurd te worden. Ze gaan mee met je berichten; probeer het over een minuut opnieuw.
error-image_unreadable = Deze foto kon niet gelezen worden. Maak hem opnieuw of kies een andere.
error-image_too_large = Deze foto is te groot om te verwerken. Kies een kleinere.
error-password_too_short = Een wachtwoord moet minimaal 8 tekens hebben.
error-password_too_long = Een wachtwoord mag maximaal 128 tekens hebben.
error-password_common = Dit wachtwoord is een van de meest gebruikte of uitgelekte wachtwoorden en is makkelijk te raden. Kies een ander: een paar woorden die u goed kunt onthouden, werken prima.
error-link_invalid = Deze link werkt niet meer: hij is al gebruikt, is verlopen of is vervangen door een nieuwere. Vraag een nieuwe aan.
error-unknown_handler = Dit account hoort niet bij partnersupport.
error-too_many_saved_replies = U heeft het maximale aantal opgeslagen antwoorden bereikt. Verwijder er een voordat u een nieuw antwoord toevoegt.
error-push_target_invalid = Het meldingsadres van dit apparaat werd niet geaccepteerd. Probeer het opnieuw.
error-push_unavailable = Deze server stuurt geen meldingen naar dit soort apparaten.
error-push_target_taken = De meldingen op dit apparaat zijn ingesteld voor een ander account. Log op dit apparaat uit bij dat account en probeer het daarna opnieuw.
error-file_missing = Een foto bij dit bericht staat niet meer op deze telefoon. Bewerk het bericht en voeg de foto opnieuw toe.
error-on_its_way = Dit bericht is al onderweg naar support en kan niet meer worden gewijzigd of geannuleerd. Het komt één keer aan.
error-storage = De opslag van deze telefoon kon niet worden gelezen of beschreven. Probeer het opnieuw.
error-server_address = Vul het adres van de server in, beginnend met http:// of https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Prijzen en beschikbaarheid
topic-promotions = Promoties
topic-reservations = Reserveringen
topic-opportunities = Kansen
topic-guest_reviews = Gastenbeoordelingen
topic-invoices_commission = Facturen en commissie
topic-payouts = Uitbetalingen ontvangen
topic-statistics = Statistieken
topic-property_details = Accommodatiegegevens
topic-account = Account
subtopic-rates_availability-rates = Prijzen
subtopic-rates_availability-availability = Beschikbaarheid
subtopic-rates_availability-restrictions = Beperkingen
subtopic-rates_availability-other = Overig
subtopic-promotions-create_promotion = Een promotie aanmaken
subtopic-promotions-promotion_display = Hoe een promotie wordt weergegeven
subtopic-promotions-other = Overig
subtopic-reservations-cancellations = Annuleringen
subtopic-reservations-changes = Wijzigingen
subtopic-reservations-questions = Vragen
subtopic-opportunities-opportunity_centre = Kansencentrum
subtopic-opportunities-commercial_advice = Commercieel advies
subtopic-opportunities-other = Overig
subtopic-guest_reviews-guest_comment = Opmerking van een gast
subtopic-guest_reviews-review_reply = Mijn reactie op een beoordeling
subtopic-guest_reviews-other = Overig
subtopic-invoices_commission-invoices = Facturen
subtopic-invoices_commission-commission = Commissie
subtopic-invoices_commission-other = Overig
subtopic-payouts-payouts = Uitbetalingen
subtopic-payouts-payments_service = Betalingsservice
subtopic-payouts-virtual_cards = Virtuele creditcards
subtopic-payouts-bank_details = Bankgegevens
subtopic-statistics-analytics = Analyses
subtopic-statistics-performance = Prestaties
subtopic-statistics-other = Overig
subtopic-property_details-star_rating = Sterrenclassificatie
subtopic-property_details-facilities = Faciliteiten
subtopic-property_details-location = Locatie
subtopic-property_details-other = Overig
subtopic-account-password = Wachtwoord
subtopic-account-contacts = Contactpersonen
subtopic-account-channel_manager = Channelmanager
subtopic-account-devices = Apparaten
subtopic-account-contract_termination = Opzegging van het contract
subtopic-account-other = Overig
