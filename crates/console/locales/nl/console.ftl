# De teksten van de supportconsole (Nederlands). De console leest ook de eigen teksten van de app
# (locales/<code>/app.ftl): onderwerpen, subonderwerpen, maanden en de foutmeldingen van de API.

console-title = Pulse-supportconsole
console-sign-in-intro = Log in met je partnersupportaccount.
console-email = E-mailadres
console-password = Wachtwoord
console-sign-in = Inloggen
console-sign-out = Uitloggen
console-not-handler = Dit is een partneraccount. De console is bedoeld voor partnersupport; partners gebruiken de app Pulse Companion.
console-signed-out = Je sessie is verlopen. Log opnieuw in.
console-network = De server is niet bereikbaar. Er is niets gewijzigd; probeer het zo opnieuw.
console-unreadable = Het antwoord van de server kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.
console-moved-on = Deze zaak is intussen gewijzigd. Er is niets verstuurd: je ziet nu de actuele stand van de zaak, en wat je schreef staat nog in het tekstvak.
console-not-found = Deze pagina bestaat niet.
console-back-to-queue = Terug naar de wachtrij
console-loading = Laden…
console-live-on = Live
console-live-off = Opnieuw verbinden…
console-language = Taal
console-saved-replies = Opgeslagen antwoorden
console-invite = Uitnodigen
console-keys = Sneltoetsen: j en k gaan door de wachtrij (of naar de volgende en vorige zaak), Enter opent, / zoekt, r schrijft een antwoord, Ctrl+Enter verstuurt het, Esc gaat terug naar de wachtrij.

console-view-new = Nieuw
console-view-overdue = Te laat
console-view-due_soon = Binnen 4 uur te beantwoorden
console-view-waiting = Wacht op partner
console-view-mine = Aan mij toegewezen
console-view-unassigned = Niet toegewezen
console-view-open = Alle open zaken
console-view-closed = Gesloten

console-search = Zoeken op zaaknummer, partner, e-mail of tekst
console-search-short = Typ minstens 3 tekens om te zoeken.
console-queue-empty = Hier staan geen zaken.
console-more = Meer tonen
console-unassigned = Niet toegewezen
console-last-activity = Laatste activiteit: { $when }

console-due-none = Geen antwoordtermijn
console-due-in = Antwoorden binnen { $span }
console-due-soon = Bijna te laat: nog { $span }
console-due-overdue = { $span } te laat
console-span-days = { $days } d { $hours } u
console-span-hours = { $hours } u { $minutes } min
console-span-minutes = { $minutes } min

console-status-submitted = Nieuw
console-status-acknowledged = Ontvangst bevestigd
console-status-in_progress = In behandeling
console-status-awaiting_partner = Wacht op partner
console-status-resolved = Opgelost
console-status-accepted = Geaccepteerd
console-status-disputed = Betwist
console-status-mediation = In bemiddeling
console-status-closed = Gesloten

console-kind-question = Vraag
console-kind-technical_issue = Technisch probleem
console-kind-complaint = Klacht

console-partner = Partner
console-name = Naam
console-country = Land
console-eea-yes = in de EER
console-eea-no = buiten de EER
console-property = Accommodatie
console-language-written = Geschreven in
console-unknown = Onbekend
console-subject = Zaakgegevens
console-kind = Type
console-topic = Onderwerp
console-reservation = Bevestigingsnummer
console-opened = Geopend
console-expected-next = Wat er nu gebeurt
console-contact = Contactgegevens
console-phone = Telefoon
console-complainant = Klacht ingediend door
console-complainant-partner = De partner
console-complainant-staff = Een medewerker van de partner
console-complainant-representative = Een vertegenwoordiger
console-diagnostics = Apparaatgegevens
console-photos = Foto’s en bestanden
console-photo = Foto van de partner
console-download-pdf = Pdf downloaden ({ $size } kB)
console-close = Sluiten

console-event-submitted = Bericht van de partner
console-event-acknowledged = Ontvangst bevestigd
console-event-update = Update
console-event-info_requested = Meer informatie gevraagd
console-event-reply = Reactie van de partner
console-event-resolved = Opgelost
console-event-accepted = Uitkomst geaccepteerd
console-event-disputed = Uitkomst betwist
console-event-mediation_requested = Bemiddeling aangevraagd
console-event-closed = Gesloten
console-event-note = Interne notitie
console-event-assigned = Toewijzing
console-internal = Alleen zichtbaar voor support
console-expected-next-was = Wat er nu gebeurt: { $text }
console-outcome-was = Uitkomst: { $text }
console-event-files = { $count ->
    [one] 1 bestand
   *[other] { $count } bestanden
}

console-assignee = Toegewezen aan
console-take = Zaak oppakken
console-assign-to = Toewijzen aan
console-nobody = Niemand

console-answer = Antwoord aan de partner
console-answer-placeholder = Schrijf aan de partner. Bij een ontvangstbevestiging: wat er nu gebeurt. Bij een oplossing: de uitkomst.
console-insert-saved = Invoegen:
console-move-acknowledge = Ontvangst bevestigen
console-move-post_update = Update versturen
console-move-request_info = Meer informatie vragen
console-move-resolve = Oplossen met deze uitkomst
console-move-close = Zaak sluiten
console-move-other = Uitvoeren
console-no-moves = Voor deze zaak zijn geen verdere acties mogelijk.
console-note = Interne notitie
console-note-hint = Notities zijn alleen voor partnersupport: de partner ziet ze nooit.
console-add-note = Notitie toevoegen

console-saved-hint = Schrijf { "{" }partner_name{ "}" } waar de naam van de partner moet komen.
console-saved-title = Titel
console-saved-body = Tekst
console-save = Opslaan
console-delete = Verwijderen

console-invite-hint = Deze persoon krijgt een e-mail in de taal die je hier kiest, met een link om een wachtwoord te kiezen. De link werkt één keer, 7 dagen lang; opnieuw uitnodigen op hetzelfde adres vervangt hem.
console-invite-role = Account voor
console-invite-role-partner = Een partner
console-invite-role-handler = Een collega van partnersupport
console-invite-country = Land (twee letters, bijv. NL)
console-invite-properties = Accommodaties, één per regel
console-invite-language = Taal van de e-mail en de app
console-invite-send = Uitnodiging versturen
console-invite-sent = Uitnodiging verstuurd naar { $email }. De link werkt tot { $until }.
