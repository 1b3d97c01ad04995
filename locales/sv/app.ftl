# The app's texts: Swedish. Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Svenska
tab-home = Hem
tab-messages = Meddelanden
tab-notifications = Aviseringar
tab-more = Mer
nav-back = Tillbaka
unread-badge = { $count ->
    [one] En oläst avisering
   *[other] { $count } olästa aviseringar
}
line-offline = Du är offline. Det du skriver sparas och skickas när uppkopplingen är tillbaka.
line-waiting = { $count ->
    [one] Ett meddelande väntar på att skickas
   *[other] { $count } meddelanden väntar på att skickas
}
banner-label = Nytt från partnersupporten
loading = Läser in…
elsewhere-body = Pulse Companion är öppet i en annan flik. Vill du använda det här i stället? Den andra fliken stannar, och inget du har skrivit går förlorat.
elsewhere-use-here = Använd här
fatal-storage = Appen kunde inte öppna sin lagring på den här enheten: { $reason }
action-failed = Det gick inte. { $reason }
notice-close = Stäng
read-failed = Det här kan inte visas. { $reason }
read-retry = Försök igen

## Signing in

sign-in-title = Logga in
sign-in-intro = Logga in med ditt partnerkonto för att kontakta partnersupporten.
sign-in-not-remembered = Enheten har ingen nyckelring som appen kan använda, så inloggningen sparas inte: när appen har stängts loggar du in igen.
sign-in-again-intro = Din session har gått ut. Logga in igen – dina utkast och väntande meddelanden finns kvar.
sign-in-server = Serveradress
sign-in-email = E-postadress
sign-in-password = Lösenord
sign-in-submit = Logga in
sign-in-busy = Loggar in…
sign-in-forgot = Glömt lösenordet?
sign-in-advanced = Avancerat: serveradress
sign-in-advanced-hint = Ändra bara detta om ditt supportteam har gett dig en annan adress.

forgot-title = Glömt lösenordet
forgot-intro = Ange e-postadressen till ditt konto. Vi skickar en länk där du kan välja ett nytt lösenord.
forgot-submit = Skicka länken
forgot-busy = Skickar…
forgot-sent = Om ett konto använder { $email } är ett e-postmeddelande med en länk för att välja ett nytt lösenord på väg. Länken gäller i en timme. Om inget kommer fram kan du titta i skräppostmappen.
forgot-back = Tillbaka till inloggningen

password-new = Nytt lösenord
password-rules = Minst 8 tecken, vilka du vill. Några ord som du kommer ihåg fungerar bra.
password-show = Visa lösenord
password-current = Nuvarande lösenord
welcome-title = Välkommen till Pulse Companion
welcome-intro = Välj ett lösenord för { $email }. Du loggar in med det och din e-postadress.
reset-title = Välj ett nytt lösenord
reset-intro = Välj ett nytt lösenord för { $email }. Alla enheter som använder kontot loggas ut.
link-checking = Kontrollerar länken…
link-submit = Spara och logga in
link-busy = Sparar…
link-invalid = Länken fungerar inte längre: den har redan använts, har gått ut eller har ersatts av en nyare. Välj ”Glömt lösenordet?” på inloggningsskärmen för att få en ny.
link-other-account = Länken gäller { $email }, men { $current } är inloggad på den här enheten. Logga ut först och öppna sedan länken igen.

## Home

home-greeting = Hej { $name }!
home-intro = Hur kan vi hjälpa dig i dag?
home-write = Skicka ett meddelande till oss
home-help = Hjälp och artiklar
home-recent = Senaste meddelanden
home-see-all = Visa alla meddelanden
home-no-cases = Du har inte skrivit till partnersupporten än.
home-drafts = { $count ->
    [one] Du har ett påbörjat utkast
   *[other] Du har { $count } påbörjade utkast
}

## More

more-title = Mer
more-help = Hjälp
more-drafts = Utkast
more-outbox = Väntar på att skickas
more-settings = Inställningar
more-sign-out = Logga ut

## Help

help-title = Hjälp
help-search = Sök bland hjälpartiklarna
help-search-empty = Ingen artikel matchar ”{ $query }”.
help-write = Skicka ett meddelande till oss
help-report-technical = Rapportera ett tekniskt fel
help-submit-complaint = Skicka in ett klagomål
help-call = Ring oss
help-call-note = För brådskande ärenden, till exempel när en gäst står i dörren och det inte finns något rum.
help-call-number = +31 20 794 7000
help-guests-note = Är du gäst? Använd hjälpsidorna för gäster – det här numret är till för partners.
help-articles = Artiklar
## Writing a message

compose-title = Skicka ett meddelande till oss
compose-technical-title = Rapportera ett tekniskt fel
compose-complaint-title = Skicka in ett klagomål
compose-intro = Välj ett ämne och berätta vad som har hänt. När ditt meddelande har kommit fram till oss ser du när vi siktar på att ha svarat.
compose-technical-intro = Berätta vad som gick fel. Enhetsuppgifterna nedan skickas med din rapport.
compose-complaint-intro = Är du inte nöjd med hur något har hanterats? Berätta vem som klagar, hur vi når dig och vad det gäller.
compose-continue-draft = Fortsätt med ditt påbörjade utkast
compose-topic = Ämne
compose-topic-choose = Välj ett ämne
compose-subtopic = Underkategori
compose-subtopic-choose = Välj en underkategori
compose-reservation = Bekräftelsenummer
compose-reservation-hint = Bokningens bekräftelsenummer, bara siffror.
compose-property = Boende
compose-property-any = Alla mina boenden
compose-message = Meddelande
compose-message-placeholder = Beskriv vad som har hänt och vad du behöver hjälp med.
compose-characters = { $count } / { $max }
compose-photos = Bilder
compose-add-photo = Lägg till en bild
compose-photo-alt = Bild { $number }
compose-remove-photo = Ta bort
compose-send = Skicka
compose-saved = Utkastet har sparats i telefonen
compose-delete-draft = Radera utkastet
compose-diagnostics = Enhetsuppgifter
compose-diagnostics-note = Uppgifterna hjälper oss att hitta problemet. De skickas med din rapport.
complaint-who = Vem är det som klagar?
complaint-who-partner = Jag är partnern (ägare eller ansvarig)
complaint-who-staff = Jag arbetar för partnern
complaint-who-representative = Jag företräder partnern
complaint-name = Ditt namn
complaint-email = E-postadress
complaint-phone = Telefonnummer (valfritt)

diag-app_version = Appversion
diag-platform = Plattform
diag-language = Språk
diag-connection = Anslutning
diag-user_agent = Webbläsare
diag-online = Ansluten
diag-offline = Inte ansluten
diag-unknown = Inte känt än

## After Send

sent-title = Ditt meddelande är på väg
sent-reply-pending = Så snart ditt meddelande har kommit fram till partnersupporten ser du här när vi siktar på att ha svarat.
sent-queued = Väntar på uppkoppling
sent-queued-retry = Väntar på uppkoppling ({ $attempts ->
    [one] försökt en gång
   *[other] försökt { $attempts } gånger
})
sent-sending = Skickar…
sent-sent = Skickat
sent-failed = Inte skickat: { $reason }
sent-stuck = Har fastnat: { $reason } Det prövas igen då och då; du kan också försöka igen nu eller slänga det.
sent-gone = Det här meddelandet väntar inte längre på att skickas.
sent-retry = Försök igen
sent-edit = Redigera
sent-discard = Släng
sent-cancel = Avbryt sändningen
sent-view-case = Visa meddelandet
sent-done = Klar

## Drafts and the outbox

drafts-title = Utkast
drafts-empty = Inga utkast. Allt du börjar skriva sparas här tills du skickar det.
draft-untitled = Utkast utan ämne
draft-edited = Redigerat { $when }
outbox-title = Väntar på att skickas
outbox-empty = Inget väntar – allt du har skickat har kommit fram till partnersupporten.
outbox-new-case = Nytt meddelande
outbox-reply = Svar
outbox-resolution = Svar på ett resultat
outbox-mediation = Begäran om medling

## Messages (cases)

messages-title = Meddelanden
messages-empty = Inga meddelanden än. Skriv till oss via Hjälp.
messages-search = Sök i dina meddelanden
messages-no-match = Inget meddelande matchar ”{ $query }”.
messages-more = Visa äldre meddelanden
messages-unread = { $count ->
    [one] Ett nytt
   *[other] { $count } nya
}
messages-cached = Visas från telefonen – det kanske inte är det senaste.
case-not-found = Det här meddelandet finns inte i telefonen än. Öppna det igen när du är uppkopplad.
case-reservation = Bekräftelsenummer { $number }
case-created = Skickat { $when }
case-expected-next = Det här händer härnäst
case-number = Ärende { $number }
case-reply-due = { $day ->
    [today] Vi siktar på att svara senast i dag kl. { $time }.
    [tomorrow] Vi siktar på att svara senast i morgon kl. { $time }.
    [weekday] Vi siktar på att svara senast på { $weekday } kl. { $time }.
   *[date] Vi siktar på att svara senast { $date }.
}
case-reply-late = { $day ->
    [today] Vårt svar är försenat – vi siktade på att svara senast i dag kl. { $time }. Vi arbetar på det.
    [yesterday] Vårt svar är försenat – vi siktade på att svara senast i går kl. { $time }. Vi arbetar på det.
    [weekday] Vårt svar är försenat – vi siktade på att svara senast i { $weekday }s kl. { $time }. Vi arbetar på det.
   *[date] Vårt svar är försenat – vi siktade på att svara senast { $date }. Vi arbetar på det.
}
case-info-needed-title = Partnersupporten behöver mer information
case-info-needed-body = Svara nedan så att vi kan gå vidare med ditt ärende.
case-reply = Svara
case-reply-placeholder = Skriv ditt svar
case-reply-send = Skicka svar
case-pending = { $count ->
    [one] Ett meddelande i det här ärendet väntar på att skickas
   *[other] { $count } meddelanden i det här ärendet väntar på att skickas
}
case-resolved-title = Partnersupporten har löst det här ärendet
case-outcome = Resultat: { $outcome }
case-answer-intro = Löser det här resultatet problemet för dig?
case-accept = Godta resultatet
case-disagree = Jag håller inte med
case-disagree-comment = Berätta varför du inte håller med
case-disagree-send = Skicka min invändning
case-mediation-title = Oberoende medling
case-mediation-body = Som partner inom Europeiska ekonomiska samarbetsområdet kan du be en oberoende medlare att gå igenom det här ärendet.
case-mediation-request = Begär medling
case-attachments = { $count ->
    [one] En bilaga
   *[other] { $count } bilagor
}
case-document = Dokument { $number } (PDF)
case-photo-close = Stäng
case-you = Du
case-support = Partnersupporten

kind-question = Fråga
kind-technical_issue = Tekniskt fel
kind-complaint = Klagomål

status-queued = Väntar på att skickas
status-submitted = Skickat
status-acknowledged = Mottaget
status-in_progress = Pågår
status-awaiting_partner = Mer information behövs
status-resolved = Löst
status-accepted = Godtaget
status-disputed = Invändning gjord
status-mediation = Medling pågår
status-closed = Avslutat

event-submitted = Du skickade ditt meddelande
event-acknowledged = Partnersupporten har tagit emot ditt meddelande
event-update = Uppdatering från partnersupporten
event-info_requested = Partnersupporten behöver mer information
event-reply = Svar
event-resolved = Löst
event-accepted = Du godtog resultatet
event-disputed = Du höll inte med om resultatet
event-mediation_requested = Medling begärd
event-closed = Ärendet avslutat

## Notifications

notifications-title = Aviseringar
notifications-empty = Inga aviseringar. När partnersupporten svarar ser du det här.
notifications-mark-all = Markera alla som lästa
notification-unread = Oläst
notify-acknowledged = Ditt meddelande om ”{ $topic }” har tagits emot.
notify-update = Ny uppdatering om ”{ $topic }”.
notify-info_requested = Mer information behövs om ”{ $topic }”.
notify-reply = Nytt svar om ”{ $topic }”.
notify-resolved = Ditt ärende om ”{ $topic }” är löst.
notify-accepted = Resultatet för ”{ $topic }” har godtagits.
notify-disputed = Din invändning om ”{ $topic }” har registrerats.
notify-mediation_requested = Medling har begärts för ”{ $topic }”.
notify-closed = Ditt ärende om ”{ $topic }” är avslutat.
notify-submitted = Ditt meddelande om ”{ $topic }” har skickats.

## Settings

settings-title = Inställningar
settings-language = Språk
settings-language-device = Telefonens språk
settings-account = Konto
settings-account-name = Namn
settings-account-email = E-postadress
settings-account-properties = { $count ->
    [one] Ett boende
   *[other] { $count } boenden
}
settings-notifications = Aviseringar
settings-push-on = På: den här enheten meddelar dig när partnersupporten svarar eller ditt ärende ändras, även när appen är stängd.
settings-push-off = Av: du ser vad som har hänt i dina ärenden när du öppnar appen.
settings-push-turn-on = Slå på aviseringar
settings-push-turn-off = Stäng av aviseringar
settings-push-busy = Ett ögonblick…
settings-push-blocked = Blockerade av webbläsaren: den låter inte den här webbplatsen visa aviseringar.
settings-push-blocked-how = Om du vill tillåta dem öppnar du webbplatsinställningarna (låsikonen bredvid adressen), ställer in Aviseringar på Tillåt och läser sedan in sidan igen.
settings-push-unavailable-browser = Inte tillgängliga i den här webbläsaren. Du ser vad som har hänt i dina ärenden när du öppnar appen.
settings-push-unavailable-device = Inte tillgängliga på den här enheten. Du ser vad som har hänt i dina ärenden när du öppnar appen.
settings-push-not-allowed = Aviseringarna förblir avstängda: webbläsaren fick inte tillåtelse att visa dem.
settings-push-subscribe-failed = Webbläsaren kunde inte registrera sig för aviseringar: den saknar kanske en pushtjänst eller når den inte just nu. Inget har ändrats.
settings-push-offline = Det går inte att nå servern, så inget har ändrats. Försök igen när du är online.
settings-server = Server
settings-about = Om appen
settings-version = Version { $version }
settings-sign-out = Logga ut
settings-password = Lösenord
settings-change-password = Byt lösenord
password-change-submit = Byt lösenord
password-change-busy = Byter…
password-changed = Ditt lösenord är bytt. Dina andra enheter har loggats ut.
settings-sign-out-everywhere = Logga ut på alla enheter
sign-out-everywhere-confirm = Vill du logga ut på alla enheter som använder kontot, även den här? Utkast och väntande meddelanden finns kvar på den här enheten till nästa inloggning.
sign-out-everywhere-yes = Logga ut överallt
sign-out-unsent = { $count ->
        [one] Ett meddelande eller utkast på telefonen har inte nått supporten än.
       *[other] { $count } meddelanden eller utkast på telefonen har inte nått supporten än.
    } Vad ska hända med dem?
sign-out-send-first = Skicka först, logga sedan ut
sign-out-keep = Behåll dem till nästa inloggning
sign-out-discard = Släng dem och logga ut
sign-out-stay = Förbli inloggad
sign-out-sending = { $count ->
        [one] Skickar ett meddelande …
       *[other] Skickar { $count } meddelanden …
    } Du loggas ut så snart de har gått iväg.

## Times

time-just-now = nyss
time-minutes-ago = { $count ->
    [one] för en minut sedan
   *[other] för { $count } minuter sedan
}
time-hours-ago = { $count ->
    [one] för en timme sedan
   *[other] för { $count } timmar sedan
}
time-yesterday = i går
time-days-ago = { $count ->
    [one] för en dag sedan
   *[other] för { $count } dagar sedan
}
date-time = { $day } { $month } { $year } kl. { $time }
month-1 = jan.
month-2 = feb.
month-3 = mars
month-4 = apr.
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = aug.
month-9 = sep.
month-10 = okt.
month-11 = nov.
month-12 = dec.
weekday-1 = måndag
weekday-2 = tisdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lördag
weekday-7 = söndag

## Errors: the server's codes and the app's own

error-network = Det går inte att nå servern. Ditt meddelande sparas och skickas senare.
error-unexpected = Något gick fel hos oss. Försök igen.
error-invalid_input = Något i formuläret stämmer inte. Kontrollera uppgifterna.
error-body_empty = Skriv ett meddelande.
error-body_too_long = Meddelandet är för långt: högst { $max } tecken.
error-unknown_topic = Välj ett ämne.
error-unknown_subtopic = Välj en underkategori.
error-reservation_ref_invalid = Ett bekräftelsenummer består bara av siffror.
error-unknown_property = Det här boendet finns inte på ditt konto.
error-too_many_attachments = Högst { $max } bilder per meddelande.
error-unknown_attachment = En bild kunde inte hittas. Ta bort den och lägg till den igen.
error-attachment_too_large = Filen är för stor: högst { $max } MB.
error-unsupported_media_type = Bara bilder (JPEG, PNG, WebP, HEIC) och pdf-filer kan skickas.
error-payload_too_large = Det här är för stort för att skickas.
error-idempotency_key_missing = Appen skickade en ofullständig begäran. Försök igen.
error-idempotency_key_invalid = Appen skickade en ofullständig begäran. Försök igen.
error-idempotency_key_reused = Det här meddelandet har redan skickats med ett annat innehåll.
error-invalid_credentials = E-postadressen eller lösenordet stämmer inte.
error-unauthorized = Din session har gått ut. Logga in igen.
error-forbidden = Du har inte behörighet att göra det här.
error-not_found = Det gick inte att hitta.
error-invalid_transition = Ärendet har hunnit ändras. Uppdatera och försök igen.
error-mediation_not_available = Medling är tillgänglig för partners inom Europeiska ekonomiska samarbetsområdet.
error-rate_limited = För många försök. Vänta en stund.
error-internal = Något gick fel hos oss. Försök igen.
error-contact_required = Ange ditt namn och en giltig e-postadress.
error-email_invalid = E-postadressen är inte fullständig. Ange ditt namn och en giltig e-postadress.
error-text_invalid = Texten innehåller tecken som inte kan skickas. Ta bort dem och försök igen.
error-text_too_long = Ett namn eller telefonnummer är för långt. Korta det och försök igen.
error-too_many_pending_files = För många foton väntar på att skickas. De följer med dina meddelanden; försök igen om en minut.
error-image_unreadable = Fotot gick inte att läsa. Ta det igen eller välj ett annat.
error-image_too_large = Fotot är för stort för att behandlas. Välj ett mindre.
error-password_too_short = Ett lösenord måste ha minst 8 tecken.
error-password_too_long = Ett lösenord får ha högst 128 tecken.
error-password_common = Lösenordet är ett av de vanligaste eller har läckt, så det är lätt att gissa. Välj ett annat – några ord som du kommer ihåg fungerar bra.
error-link_invalid = Länken fungerar inte längre: den har redan använts, har gått ut eller har ersatts av en nyare. Be om en ny.
error-unknown_handler = Det här kontot tillhör inte partnersupporten.
error-too_many_saved_replies = Du har nått högsta antalet sparade svar. Ta bort ett innan du lägger till ett nytt.
error-push_target_invalid = Enhetens adress för aviseringar godtogs inte. Försök igen.
error-push_unavailable = Den här servern skickar inte aviseringar till den här typen av enhet.
error-push_target_taken = Aviseringarna på den här enheten är inställda för ett annat konto. Logga ut från det kontot på den här enheten och försök sedan igen.
error-file_missing = En bild i meddelandet finns inte längre på telefonen. Redigera meddelandet och lägg till bilden igen.
error-on_its_way = Meddelandet är redan på väg till supporten och kan inte längre ändras eller avbrytas. Det kommer fram en gång.
error-storage = Telefonens lagring kunde inte läsas eller skrivas. Försök igen.
error-server_address = Ange serverns adress. Den ska börja med http:// eller https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Priser och tillgänglighet
topic-promotions = Erbjudanden
topic-reservations = Bokningar
topic-opportunities = Möjligheter
topic-guest_reviews = Gästrecensioner
topic-invoices_commission = Fakturor och provision
topic-payouts = Mottagning av utbetalningar
topic-statistics = Statistik
topic-property_details = Information om boendet
topic-account = Konto
subtopic-rates_availability-rates = Priser
subtopic-rates_availability-availability = Tillgänglighet
subtopic-rates_availability-restrictions = Begränsningar
subtopic-rates_availability-other = Övrigt
subtopic-promotions-create_promotion = Skapa ett erbjudande
subtopic-promotions-promotion_display = Hur ett erbjudande visas
subtopic-promotions-other = Övrigt
subtopic-reservations-cancellations = Avbokningar
subtopic-reservations-changes = Ändringar
subtopic-reservations-questions = Frågor
subtopic-opportunities-opportunity_centre = Möjlighetscenter
subtopic-opportunities-commercial_advice = Kommersiella råd
subtopic-opportunities-other = Övrigt
subtopic-guest_reviews-guest_comment = Kommentar från en gäst
subtopic-guest_reviews-review_reply = Mitt svar på en recension
subtopic-guest_reviews-other = Övrigt
subtopic-invoices_commission-invoices = Fakturor
subtopic-invoices_commission-commission = Provision
subtopic-invoices_commission-other = Övrigt
subtopic-payouts-payouts = Utbetalningar
subtopic-payouts-payments_service = Betalningstjänst
subtopic-payouts-virtual_cards = Virtuella betalkort
subtopic-payouts-bank_details = Bankkontouppgifter
subtopic-statistics-analytics = Analyser
subtopic-statistics-performance = Boendets resultat
subtopic-statistics-other = Övrigt
subtopic-property_details-star_rating = Antal stjärnor
subtopic-property_details-facilities = Faciliteter
subtopic-property_details-location = Läge
subtopic-property_details-other = Övrigt
subtopic-account-password = Lösenord
subtopic-account-contacts = Kontakter
subtopic-account-channel_manager = Channel manager
subtopic-account-devices = Enheter
subtopic-account-contract_termination = Uppsägning av avtal
subtopic-account-other = Övrigt
