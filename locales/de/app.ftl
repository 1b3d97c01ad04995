# The app's texts: German. Same ids as en/app.ftl.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Deutsch
tab-home = Start
tab-messages = Nachrichten
tab-notifications = Benachrichtigungen
tab-more = Mehr
nav-back = Zurück
unread-badge = { $count ->
    [one] Eine ungelesene Benachrichtigung
   *[other] { $count } ungelesene Benachrichtigungen
}
line-offline = Sie sind offline. Was Sie schreiben, wird gespeichert und gesendet, sobald die Verbindung wieder steht.
line-waiting = { $count ->
    [one] Eine Nachricht wartet auf Versand
   *[other] { $count } Nachrichten warten auf Versand
}
banner-label = Neu vom Partner-Support
loading = Wird geladen…
elsewhere-body = Pulse Companion ist in einem anderen Tab geöffnet. Stattdessen hier verwenden? Der andere Tab hält an, und nichts, was Sie geschrieben haben, geht verloren.
elsewhere-use-here = Hier verwenden
fatal-storage = Die App konnte ihren Speicher auf diesem Gerät nicht öffnen: { $reason }
action-failed = Das hat nicht geklappt. { $reason }
notice-close = Schließen
read-failed = Dies kann nicht angezeigt werden. { $reason }
read-retry = Erneut versuchen

## Signing in

sign-in-title = Anmelden
sign-in-intro = Melden Sie sich mit Ihrem Partnerkonto an, um den Partner-Support zu kontaktieren.
sign-in-not-remembered = Dieses Gerät hat keinen Schlüsselbund, den die App nutzen kann. Die Anmeldung wird daher nicht gespeichert: Nach dem Schließen der App melden Sie sich erneut an.
sign-in-again-intro = Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an – Ihre Entwürfe und wartenden Nachrichten bleiben erhalten.
sign-in-server = Serveradresse
sign-in-email = E-Mail-Adresse
sign-in-password = Passwort
sign-in-submit = Anmelden
sign-in-busy = Anmeldung läuft…
sign-in-forgot = Passwort vergessen?
sign-in-advanced = Erweitert: Serveradresse
sign-in-advanced-hint = Ändern Sie diese nur, wenn Ihr Support-Team Ihnen eine andere Adresse genannt hat.

forgot-title = Passwort vergessen
forgot-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.
forgot-submit = Link senden
forgot-busy = Wird gesendet…
forgot-sent = Falls ein Konto { $email } verwendet, ist eine E-Mail mit einem Link zum Festlegen eines neuen Passworts unterwegs. Der Link ist eine Stunde lang gültig. Falls nichts ankommt, sehen Sie bitte in Ihrem Spam-Ordner nach.
forgot-back = Zurück zur Anmeldung

password-new = Neues Passwort
password-rules = Mindestens 8 beliebige Zeichen. Gut geeignet sind ein paar Wörter, die Sie sich leicht merken können.
password-show = Passwort anzeigen
password-current = Aktuelles Passwort
welcome-title = Willkommen bei Pulse Companion
welcome-intro = Legen Sie ein Passwort für { $email } fest. Damit und mit Ihrer E-Mail-Adresse melden Sie sich an.
reset-title = Neues Passwort festlegen
reset-intro = Legen Sie ein neues Passwort für { $email } fest. Alle Geräte, die dieses Konto verwenden, werden abgemeldet.
link-checking = Ihr Link wird geprüft…
link-submit = Speichern und anmelden
link-busy = Wird gespeichert…
link-invalid = Dieser Link funktioniert nicht mehr: Er wurde bereits verwendet, ist abgelaufen oder wurde durch einen neueren ersetzt. Wählen Sie auf dem Anmeldebildschirm „Passwort vergessen?“, um einen neuen zu erhalten.
link-other-account = Dieser Link ist für { $email }, aber auf diesem Gerät ist { $current } angemeldet. Melden Sie sich zuerst ab und öffnen Sie den Link dann erneut.

## Home

home-greeting = Hallo { $name }
home-intro = Wie können wir Ihnen heute helfen?
home-write = Nachricht an uns senden
home-help = Hilfe und Artikel
home-recent = Letzte Nachrichten
home-see-all = Alle Nachrichten anzeigen
home-no-cases = Sie haben dem Partner-Support noch nicht geschrieben.
home-drafts = { $count ->
    [one] Sie haben einen nicht abgeschlossenen Entwurf
   *[other] Sie haben { $count } nicht abgeschlossene Entwürfe
}

## More

more-title = Mehr
more-help = Hilfe
more-drafts = Entwürfe
more-outbox = Warten auf Versand
more-settings = Einstellungen
more-sign-out = Abmelden

## Help

help-title = Hilfe
help-search = Hilfeartikel durchsuchen
help-search-empty = Kein Artikel passt zu „{ $query }“.
help-write = Nachricht an uns senden
help-report-technical = Technisches Problem melden
help-submit-complaint = Beschwerde einreichen
help-call = Uns anrufen
help-call-note = Für dringende Fälle, etwa wenn ein Gast vor Ihrer Tür steht und kein Zimmer frei ist.
help-call-number = +31 20 794 7000
help-guests-note = Sind Sie Gast? Bitte nutzen Sie die Hilfeseiten für Gäste – diese Leitung ist für Partner.
help-articles = Artikel
## Writing a message

compose-title = Nachricht an uns senden
compose-technical-title = Technisches Problem melden
compose-complaint-title = Beschwerde einreichen
compose-intro = Wählen Sie ein Thema und schildern Sie, was passiert ist. Sobald Ihre Nachricht bei uns ist, sehen Sie, bis wann wir antworten möchten.
compose-technical-intro = Beschreiben Sie, was nicht funktioniert hat. Die unten stehenden Geräteangaben werden mit Ihrer Meldung gesendet.
compose-complaint-intro = Sind Sie mit der Bearbeitung eines Anliegens nicht zufrieden? Sagen Sie uns, wer die Beschwerde einreicht, wie wir Sie erreichen und worum es geht.
compose-continue-draft = Nicht abgeschlossenen Entwurf fortsetzen
compose-topic = Thema
compose-topic-choose = Thema auswählen
compose-subtopic = Unterthema
compose-subtopic-choose = Unterthema auswählen
compose-reservation = Bestätigungsnummer
compose-reservation-hint = Die Bestätigungsnummer der Buchung, nur Ziffern.
compose-property = Unterkunft
compose-property-any = Alle meine Unterkünfte
compose-message = Nachricht
compose-message-placeholder = Beschreiben Sie, was passiert ist und was Sie von uns benötigen.
compose-characters = { $count } / { $max }
compose-photos = Fotos
compose-add-photo = Foto hinzufügen
compose-photo-alt = Foto { $number }
compose-remove-photo = Entfernen
compose-send = Senden
compose-saved = Entwurf auf diesem Smartphone gespeichert
compose-delete-draft = Entwurf löschen
compose-diagnostics = Geräteangaben
compose-diagnostics-note = Diese Angaben helfen uns, das Problem zu finden. Sie werden mit Ihrer Meldung gesendet.
complaint-who = Wer reicht die Beschwerde ein?
complaint-who-partner = Ich bin der Partner (Inhaber oder Geschäftsführung)
complaint-who-staff = Ich arbeite für den Partner
complaint-who-representative = Ich vertrete den Partner
complaint-name = Ihr Name
complaint-email = E-Mail-Adresse
complaint-phone = Telefonnummer (freiwillig)

diag-app_version = App-Version
diag-platform = Plattform
diag-language = Sprache
diag-connection = Verbindung
diag-user_agent = Browser
diag-online = Online
diag-offline = Offline
diag-unknown = Noch nicht bekannt

## After Send

sent-title = Ihre Nachricht ist unterwegs
sent-reply-pending = Sobald Ihre Nachricht beim Partner-Support angekommen ist, sehen Sie hier, bis wann wir antworten möchten.
sent-queued = Warten auf Verbindung
sent-queued-retry = Warten auf Verbindung ({ $attempts ->
    [one] ein Versuch
   *[other] { $attempts } Versuche
})
sent-sending = Wird gesendet…
sent-sent = Gesendet
sent-failed = Nicht gesendet: { $reason }
sent-stuck = Hängt fest: { $reason } Es wird ab und zu erneut versucht; Sie können es auch jetzt erneut versuchen oder verwerfen.
sent-gone = Diese Nachricht wartet nicht mehr auf Versand.
sent-retry = Erneut versuchen
sent-edit = Bearbeiten
sent-discard = Verwerfen
sent-cancel = Senden abbrechen
sent-view-case = Nachricht anzeigen
sent-done = Fertig

## Drafts and the outbox

drafts-title = Entwürfe
drafts-empty = Keine Entwürfe. Alles, was Sie zu schreiben beginnen, wird hier aufbewahrt, bis Sie es senden.
draft-untitled = Entwurf ohne Thema
draft-edited = Bearbeitet { $when }
outbox-title = Warten auf Versand
outbox-empty = Nichts wartet auf Versand: Alles, was Sie gesendet haben, ist beim Partner-Support angekommen.
outbox-new-case = Neue Nachricht
outbox-reply = Antwort
outbox-resolution = Antwort auf ein Ergebnis
outbox-mediation = Antrag auf Mediation

## Messages (cases)

messages-title = Nachrichten
messages-empty = Noch keine Nachrichten. Schreiben Sie uns über „Hilfe“.
messages-search = Nachrichten durchsuchen
messages-no-match = Keine Nachricht passt zu „{ $query }“.
messages-more = Ältere Nachrichten anzeigen
messages-unread = { $count ->
    [one] Eine neue
   *[other] { $count } neue
}
messages-cached = Von diesem Smartphone angezeigt – möglicherweise nicht auf dem neuesten Stand.
case-not-found = Diese Nachricht ist noch nicht auf diesem Smartphone. Öffnen Sie sie erneut, wenn Sie online sind.
case-reservation = Bestätigungsnummer { $number }
case-created = Gesendet { $when }
case-expected-next = So geht es weiter
case-number = Fall { $number }
case-reply-due = { $day ->
    [today] Wir möchten Ihnen bis heute, { $time } Uhr antworten.
    [tomorrow] Wir möchten Ihnen bis morgen, { $time } Uhr antworten.
    [weekday] Wir möchten Ihnen bis { $weekday }, { $time } Uhr antworten.
   *[date] Wir möchten Ihnen bis { $date } antworten.
}
case-reply-late = { $day ->
    [today] Unsere Antwort verspätet sich – wir wollten Ihnen bis heute, { $time } Uhr antworten. Wir kümmern uns darum.
    [yesterday] Unsere Antwort verspätet sich – wir wollten Ihnen bis gestern, { $time } Uhr antworten. Wir kümmern uns darum.
    [weekday] Unsere Antwort verspätet sich – wir wollten Ihnen bis { $weekday }, { $time } Uhr antworten. Wir kümmern uns darum.
   *[date] Unsere Antwort verspätet sich – wir wollten Ihnen bis { $date } antworten. Wir kümmern uns darum.
}
case-info-needed-title = Der Partner-Support benötigt weitere Informationen
case-info-needed-body = Antworten Sie unten, damit wir Ihren Fall weiter bearbeiten können.
case-reply = Antworten
case-reply-placeholder = Ihre Antwort schreiben
case-reply-send = Antwort senden
case-pending = { $count ->
    [one] Eine Nachricht zu diesem Fall wartet auf Versand
   *[other] { $count } Nachrichten zu diesem Fall warten auf Versand
}
case-resolved-title = Der Partner-Support hat diesen Fall gelöst
case-outcome = Ergebnis: { $outcome }
case-answer-intro = Ist das Problem mit diesem Ergebnis für Sie gelöst?
case-accept = Ergebnis annehmen
case-disagree = Ich bin nicht einverstanden
case-disagree-comment = Sagen Sie uns, warum Sie nicht einverstanden sind
case-disagree-send = Widerspruch senden
case-mediation-title = Unabhängige Mediation
case-mediation-body = Als Partner im Europäischen Wirtschaftsraum können Sie diesen Fall von einem unabhängigen Mediator prüfen lassen.
case-mediation-request = Mediation beantragen
case-attachments = { $count ->
    [one] Ein Anhang
   *[other] { $count } Anhänge
}
case-document = Dokument { $number } (PDF)
case-photo-close = Schließen
case-you = Sie
case-support = Partner-Support

kind-question = Frage
kind-technical_issue = Technisches Problem
kind-complaint = Beschwerde

status-queued = Warten auf Versand
status-submitted = Gesendet
status-acknowledged = Eingang bestätigt
status-in_progress = In Bearbeitung
status-awaiting_partner = Weitere Informationen benötigt
status-resolved = Gelöst
status-accepted = Angenommen
status-disputed = Widersprochen
status-mediation = In Mediation
status-closed = Abgeschlossen

event-submitted = Sie haben Ihre Nachricht gesendet
event-acknowledged = Der Partner-Support hat Ihre Nachricht erhalten
event-update = Neuigkeiten vom Partner-Support
event-info_requested = Der Partner-Support benötigt weitere Informationen
event-reply = Antwort
event-resolved = Gelöst
event-accepted = Sie haben das Ergebnis angenommen
event-disputed = Sie haben dem Ergebnis widersprochen
event-mediation_requested = Mediation beantragt
event-closed = Fall abgeschlossen

## Notifications

notifications-title = Benachrichtigungen
notifications-empty = Keine Benachrichtigungen. Wenn der Partner-Support antwortet, sehen Sie das hier.
notifications-mark-all = Alle als gelesen markieren
notification-unread = Ungelesen
notify-acknowledged = Ihre Nachricht zum Thema „{ $topic }“ ist eingegangen.
notify-update = Neuigkeiten zum Thema „{ $topic }“.
notify-info_requested = Zum Thema „{ $topic }“ werden weitere Informationen benötigt.
notify-reply = Neue Antwort zum Thema „{ $topic }“.
notify-resolved = Ihr Fall zum Thema „{ $topic }“ ist gelöst.
notify-accepted = Das Ergebnis zum Thema „{ $topic }“ wurde angenommen.
notify-disputed = Ihr Widerspruch zum Thema „{ $topic }“ wurde erfasst.
notify-mediation_requested = Zum Thema „{ $topic }“ wurde eine Mediation beantragt.
notify-closed = Ihr Fall zum Thema „{ $topic }“ ist abgeschlossen.
notify-submitted = Ihre Nachricht zum Thema „{ $topic }“ wurde gesendet.

## Settings

settings-title = Einstellungen
settings-language = Sprache
settings-language-device = Sprache des Smartphones
settings-account = Konto
settings-account-name = Name
settings-account-email = E-Mail-Adresse
settings-account-properties = { $count ->
    [one] Eine Unterkunft
   *[other] { $count } Unterkünfte
}
settings-notifications = Benachrichtigungen
settings-push-on = An: Dieses Gerät sagt Ihnen Bescheid, wenn der Partner-Support antwortet oder sich Ihr Fall ändert, auch wenn die App geschlossen ist.
settings-push-off = Aus: Sie sehen, was sich an Ihren Fällen geändert hat, wenn Sie die App öffnen.
settings-push-turn-on = Benachrichtigungen einschalten
settings-push-turn-off = Benachrichtigungen ausschalten
settings-push-busy = Einen Moment…
settings-push-blocked = Vom Browser blockiert: Er erlaubt dieser Website keine Benachrichtigungen.
settings-push-blocked-how = Um sie zu erlauben, öffnen Sie die Website-Einstellungen (das Schloss-Symbol neben der Adresse), stellen Benachrichtigungen auf Zulassen und laden die Seite neu.
settings-push-unavailable-browser = In diesem Browser nicht verfügbar. Sie sehen, was sich an Ihren Fällen geändert hat, wenn Sie die App öffnen.
settings-push-unavailable-device = Auf diesem Gerät nicht verfügbar. Sie sehen, was sich an Ihren Fällen geändert hat, wenn Sie die App öffnen.
settings-push-not-allowed = Benachrichtigungen bleiben aus: Der Browser hat keine Erlaubnis bekommen, sie anzuzeigen.
settings-push-subscribe-failed = Dieser Browser konnte sich nicht für Benachrichtigungen anmelden: Vielleicht hat er keinen Push-Dienst oder erreicht ihn gerade nicht. Es wurde nichts geändert.
settings-push-offline = Der Server ist nicht erreichbar, daher wurde nichts geändert. Versuchen Sie es erneut, wenn Sie online sind.
settings-server = Server
settings-about = Über die App
settings-version = Version { $version }
settings-sign-out = Abmelden
settings-password = Passwort
settings-change-password = Passwort ändern
password-change-submit = Passwort ändern
password-change-busy = Wird geändert…
password-changed = Ihr Passwort wurde geändert. Ihre anderen Geräte wurden abgemeldet.
settings-sign-out-everywhere = Auf allen Geräten abmelden
sign-out-everywhere-confirm = Auf allen Geräten abmelden, die dieses Konto verwenden, auch auf diesem? Entwürfe und wartende Nachrichten bleiben für Ihre nächste Anmeldung auf diesem Gerät erhalten.
sign-out-everywhere-yes = Überall abmelden
sign-out-unsent = { $count ->
        [one] Eine Nachricht oder ein Entwurf auf diesem Telefon hat den Support noch nicht erreicht.
       *[other] { $count } Nachrichten oder Entwürfe auf diesem Telefon haben den Support noch nicht erreicht.
    } Was soll damit geschehen?
sign-out-send-first = Erst senden, dann abmelden
sign-out-keep = Für meine nächste Anmeldung behalten
sign-out-discard = Verwerfen und abmelden
sign-out-stay = Angemeldet bleiben
sign-out-sending = { $count ->
        [one] Eine Nachricht wird gesendet …
       *[other] { $count } Nachrichten werden gesendet …
    } Sie werden abgemeldet, sobald sie unterwegs sind.

## Times

time-just-now = gerade eben
time-minutes-ago = { $count ->
    [one] vor einer Minute
   *[other] vor { $count } Minuten
}
time-hours-ago = { $count ->
    [one] vor einer Stunde
   *[other] vor { $count } Stunden
}
time-yesterday = gestern
time-days-ago = { $count ->
    [one] vor einem Tag
   *[other] vor { $count } Tagen
}
date-time = { $day }. { $month } { $year }, { $time }
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag

## Errors: the server's codes and the app's own

error-network = Der Server ist nicht erreichbar. Ihre Nachricht wird gespeichert und später gesendet.
error-unexpected = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
error-invalid_input = In diesem Formular stimmt etwas nicht. Bitte überprüfen Sie Ihre Angaben.
error-body_empty = Bitte schreiben Sie eine Nachricht.
error-body_too_long = Die Nachricht ist zu lang: höchstens { $max } Zeichen.
error-unknown_topic = Bitte wählen Sie ein Thema aus.
error-unknown_subtopic = Bitte wählen Sie ein Unterthema aus.
error-reservation_ref_invalid = Eine Bestätigungsnummer besteht nur aus Ziffern.
error-unknown_property = Diese Unterkunft gehört nicht zu Ihrem Konto.
error-too_many_attachments = Höchstens { $max } Fotos pro Nachricht.
error-unknown_attachment = Ein Foto wurde nicht gefunden. Entfernen Sie es und fügen Sie es erneut hinzu.
error-attachment_too_large = Diese Datei ist zu groß: höchstens { $max } MB.
error-unsupported_media_type = Es können nur Fotos (JPEG, PNG, WebP, HEIC) und PDF-Dateien gesendet werden.
error-payload_too_large = Das ist zu groß zum Senden.
error-idempotency_key_missing = Die App hat eine unvollständige Anfrage gesendet. Bitte versuchen Sie es erneut.
error-idempotency_key_invalid = Die App hat eine unvollständige Anfrage gesendet. Bitte versuchen Sie es erneut.
error-idempotency_key_reused = Diese Nachricht wurde bereits mit anderem Inhalt gesendet.
error-invalid_credentials = E-Mail-Adresse oder Passwort ist nicht korrekt.
error-unauthorized = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-forbidden = Dazu sind Sie nicht berechtigt.
error-not_found = Dies wurde nicht gefunden.
error-invalid_transition = Dieser Fall hat sich inzwischen geändert. Aktualisieren Sie die Ansicht und versuchen Sie es erneut.
error-mediation_not_available = Mediation steht Partnern im Europäischen Wirtschaftsraum zur Verfügung.
error-rate_limited = Zu viele Versuche. Bitte warten Sie einen Moment.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
error-contact_required = Geben Sie Ihren Namen und eine gültige E-Mail-Adresse ein.
error-email_invalid = Diese E-Mail-Adresse ist unvollständig. Geben Sie Ihren Namen und eine gültige E-Mail-Adresse ein.
error-text_invalid = Dieser Text enthält Zeichen, die nicht gesendet werden können. Entfernen Sie sie und versuchen Sie es erneut.
error-text_too_long = Ein Name oder eine Telefonnummer ist zu lang. Kürzen Sie die Angabe und versuchen Sie es erneut.
error-too_many_pending_files = Zu viele Fotos warten auf das Senden. Sie gehen mit Ihren Nachrichten hinaus; versuchen Sie es in einer Minute erneut.
error-image_unreadable = Dieses Foto konnte nicht gelesen werden. Nehmen Sie es erneut auf oder wählen Sie ein anderes.
error-image_too_large = Dieses Foto ist zu groß für die Verarbeitung. Wählen Sie ein kleineres.
error-password_too_short = Ein Passwort muss mindestens 8 Zeichen haben.
error-password_too_long = Ein Passwort darf höchstens 128 Zeichen haben.
error-password_common = Dieses Passwort gehört zu den häufigsten oder bereits geleakten Passwörtern und ist leicht zu erraten. Wählen Sie ein anderes: Gut geeignet sind ein paar Wörter, die Sie sich leicht merken können.
error-link_invalid = Dieser Link funktioniert nicht mehr: Er wurde bereits verwendet, ist abgelaufen oder wurde durch einen neueren ersetzt. Fordern Sie einen neuen an.
error-unknown_handler = Dieses Konto gehört nicht zum Partner-Support.
error-too_many_saved_replies = Sie haben die Höchstzahl gespeicherter Antworten erreicht. Löschen Sie eine, bevor Sie eine neue anlegen.
error-push_target_invalid = Die Benachrichtigungsadresse dieses Geräts wurde nicht angenommen. Bitte versuchen Sie es erneut.
error-push_unavailable = Dieser Server sendet keine Benachrichtigungen an diese Art von Gerät.
error-push_target_taken = Die Benachrichtigungen auf diesem Gerät sind für ein anderes Konto eingerichtet. Melden Sie sich auf diesem Gerät von diesem Konto ab und versuchen Sie es dann erneut.
error-file_missing = Ein Foto dieser Nachricht ist nicht mehr auf diesem Telefon. Bearbeiten Sie die Nachricht und fügen Sie das Foto erneut hinzu.
error-on_its_way = Diese Nachricht ist bereits auf dem Weg zum Support und kann nicht mehr geändert oder zurückgezogen werden. Sie kommt genau einmal an.
error-storage = Der Speicher dieses Telefons konnte nicht gelesen oder beschrieben werden. Bitte versuchen Sie es erneut.
error-server_address = Geben Sie die Serveradresse ein, beginnend mit http:// oder https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Preise und Verfügbarkeit
topic-promotions = Angebote
topic-reservations = Reservierungen
topic-opportunities = Chancen
topic-guest_reviews = Gästebewertungen
topic-invoices_commission = Rechnungen und Provision
topic-payouts = Erhalt von Auszahlungen
topic-statistics = Statistiken
topic-property_details = Angaben zur Unterkunft
topic-account = Konto
subtopic-rates_availability-rates = Preise
subtopic-rates_availability-availability = Verfügbarkeit
subtopic-rates_availability-restrictions = Einschränkungen
subtopic-rates_availability-other = Sonstiges
subtopic-promotions-create_promotion = Ein Angebot erstellen
subtopic-promotions-promotion_display = Anzeige eines Angebots
subtopic-promotions-other = Sonstiges
subtopic-reservations-cancellations = Stornierungen
subtopic-reservations-changes = Änderungen
subtopic-reservations-questions = Fragen
subtopic-opportunities-opportunity_centre = Chancen-Center
subtopic-opportunities-commercial_advice = Geschäftliche Beratung
subtopic-opportunities-other = Sonstiges
subtopic-guest_reviews-guest_comment = Kommentar eines Gastes
subtopic-guest_reviews-review_reply = Meine Antwort auf eine Bewertung
subtopic-guest_reviews-other = Sonstiges
subtopic-invoices_commission-invoices = Rechnungen
subtopic-invoices_commission-commission = Provision
subtopic-invoices_commission-other = Sonstiges
subtopic-payouts-payouts = Auszahlungen
subtopic-payouts-payments_service = Zahlungsservice
subtopic-payouts-virtual_cards = Virtuelle Kreditkarten
subtopic-payouts-bank_details = Bankverbindung
subtopic-statistics-analytics = Analysen
subtopic-statistics-performance = Leistung
subtopic-statistics-other = Sonstiges
subtopic-property_details-star_rating = Sterneklassifizierung
subtopic-property_details-facilities = Ausstattung
subtopic-property_details-location = Lage
subtopic-property_details-other = Sonstiges
subtopic-account-password = Passwort
subtopic-account-contacts = Kontakte
subtopic-account-channel_manager = Channel-Manager
subtopic-account-devices = Geräte
subtopic-account-contract_termination = Vertragskündigung
subtopic-account-other = Sonstiges
