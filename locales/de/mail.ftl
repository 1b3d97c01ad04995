# E-mails the server sends, in German: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Guten Tag { $name },
mail-signature = Ihr Partner-Support

mail-invitation-subject = Ihr Konto für Pulse Companion ist eingerichtet
mail-invitation-partner = Der Partner-Support hat für Sie ein Konto bei Pulse Companion eingerichtet ({ $email }). Damit können Sie dem Partner-Support von Ihrem Smartphone aus schreiben, Fotos senden und jeden Fall verfolgen, bis er gelöst ist.
mail-invitation-handler = Sie wurden eingeladen, in Pulse Companion ({ $email }) Fälle von Partnern zu bearbeiten und zu beantworten.
mail-invitation-action = Passwort festlegen
mail-invitation-expiry = { $days ->
    [one] Der Link funktioniert einmal und ist einen Tag lang gültig.
   *[other] Der Link funktioniert einmal und ist { $days } Tage lang gültig.
}
mail-invitation-not-you = Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren: Ein Passwort wird erst festgelegt, wenn der Link verwendet wird.

mail-reset-subject = Neues Passwort für Pulse Companion festlegen
mail-reset-body = Für das Konto { $email } bei Pulse Companion wurde ein neues Passwort angefordert.
mail-reset-action = Neues Passwort festlegen
mail-reset-expiry = { $minutes ->
    [one] Der Link funktioniert einmal und ist eine Minute lang gültig. Wenn Sie ein neues Passwort festlegen, werden alle Geräte abgemeldet, die dieses Konto verwenden.
   *[other] Der Link funktioniert einmal und ist { $minutes } Minuten lang gültig. Wenn Sie ein neues Passwort festlegen, werden alle Geräte abgemeldet, die dieses Konto verwenden.
}
mail-reset-not-you = Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren: Ihr Passwort bleibt unverändert.
