# Supportkonsolens texter (svenska). Konsolen läser också appens egna texter
# (locales/<code>/app.ftl): ämnen, underämnen, månader och API:ets felmeddelanden.

console-title = Pulse supportkonsol
console-sign-in-intro = Logga in med ditt konto för partnersupport.
console-email = E-postadress
console-password = Lösenord
console-sign-in = Logga in
console-sign-out = Logga ut
console-not-handler = Det här är ett partnerkonto. Konsolen är till för partnersupporten; partners använder appen Pulse Companion.
console-signed-out = Din session har gått ut. Logga in igen.
console-network = Det går inte att nå servern. Inget har ändrats; försök igen om en stund.
console-unreadable = Serverns svar kunde inte läsas. Ladda om sidan och försök igen.
console-moved-on = Ärendet har ändrats under tiden. Inget skickades: här visas det som det ser ut nu, och det du skrev finns kvar i rutan.
console-not-found = Sidan finns inte.
console-back-to-queue = Tillbaka till kön
console-loading = Läser in…
console-live-on = Live
console-live-off = Återansluter…
console-language = Språk
console-saved-replies = Sparade svar
console-invite = Bjud in
console-keys = Kortkommandon: j och k flyttar genom kön (eller till nästa och föregående ärende), Enter öppnar, / söker, r skriver ett svar, Ctrl+Enter skickar det, Esc går tillbaka till kön.

console-view-new = Nya
console-view-overdue = Försenade
console-view-due_soon = Förfaller inom 4 timmar
console-view-waiting = Väntar på partnern
console-view-mine = Tilldelade mig
console-view-unassigned = Ej tilldelade
console-view-open = Alla öppna
console-view-closed = Avslutade

console-search = Sök på ärendenummer, partner, e-post eller text
console-search-short = Skriv minst 3 tecken för att söka.
console-queue-empty = Inga ärenden här.
console-more = Visa fler
console-unassigned = Ej tilldelat
console-last-activity = Senaste aktivitet: { $when }

console-due-none = Ingen svarsfrist
console-due-in = Svara inom { $span }
console-due-soon = Förfaller snart: { $span } kvar
console-due-overdue = Försenat med { $span }
console-span-days = { $days } d { $hours } h
console-span-hours = { $hours } h { $minutes } min
console-span-minutes = { $minutes } min

console-status-submitted = Nytt
console-status-acknowledged = Mottaget
console-status-in_progress = Pågår
console-status-awaiting_partner = Väntar på partnern
console-status-resolved = Löst
console-status-accepted = Godtaget
console-status-disputed = Bestritt
console-status-mediation = Medling pågår
console-status-closed = Avslutat

console-kind-question = Fråga
console-kind-technical_issue = Tekniskt fel
console-kind-complaint = Klagomål

console-partner = Partner
console-name = Namn
console-country = Land
console-eea-yes = inom EES
console-eea-no = utanför EES
console-property = Boende
console-language-written = Skrev på
console-unknown = Okänt
console-subject = Ärendet
console-kind = Typ
console-topic = Ämne
console-reservation = Bekräftelsenummer
console-opened = Öppnat
console-expected-next = Det här händer härnäst
console-contact = Kontaktuppgifter
console-phone = Telefon
console-complainant = Klagar som
console-complainant-partner = Partnern
console-complainant-staff = Personal hos partnern
console-complainant-representative = En företrädare
console-diagnostics = Enhetsuppgifter
console-photos = Foton och filer
console-photo = Foto från partnern
console-download-pdf = Ladda ned PDF ({ $size } kB)
console-close = Stäng

console-event-submitted = Meddelande från partnern
console-event-acknowledged = Mottagande bekräftat
console-event-update = Uppdatering
console-event-info_requested = Mer information begärd
console-event-reply = Svar från partnern
console-event-resolved = Löst
console-event-accepted = Resultatet godtaget
console-event-disputed = Resultatet bestritt
console-event-mediation_requested = Medling begärd
console-event-closed = Avslutat
console-event-note = Intern anteckning
console-event-assigned = Tilldelning
console-internal = Visas bara för supporten
console-expected-next-was = Det här händer härnäst: { $text }
console-outcome-was = Resultat: { $text }
console-event-files = { $count ->
    [one] 1 fil
   *[other] { $count } filer
}

console-assignee = Tilldelat
console-take = Ta ärendet
console-assign-to = Tilldela
console-nobody = Ingen

console-answer = Svara partnern
console-answer-placeholder = Skriv till partnern. Vid en bekräftelse: vad som händer härnäst. Vid en lösning: resultatet.
console-insert-saved = Infoga:
console-move-acknowledge = Bekräfta mottagandet
console-move-post_update = Skicka uppdatering
console-move-request_info = Begär mer information
console-move-resolve = Lös med det här resultatet
console-move-close = Avsluta ärendet
console-move-other = Utför
console-no-moves = Det går inte att göra något mer i det här ärendet.
console-note = Intern anteckning
console-note-hint = Anteckningar är bara för partnersupporten: partnern ser dem aldrig.
console-add-note = Lägg till anteckning

console-saved-hint = Skriv { "{" }partner_name{ "}" } där partnerns namn ska stå.
console-saved-title = Rubrik
console-saved-body = Text
console-save = Spara
console-delete = Ta bort

console-invite-hint = Personen får ett mejl på det språk du väljer här, med en länk för att välja lösenord. Länken fungerar en gång, i 7 dagar; en ny inbjudan till samma adress ersätter den.
console-invite-role = Konto för
console-invite-role-partner = En partner
console-invite-role-handler = En kollega på partnersupporten
console-invite-country = Land (två bokstäver, t.ex. SE)
console-invite-properties = Boenden, ett per rad
console-invite-language = Språk för mejlet och appen
console-invite-send = Skicka inbjudan
console-invite-sent = Inbjudan skickad till { $email }. Länken fungerar till { $until }.
