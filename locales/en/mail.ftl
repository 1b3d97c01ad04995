# E-mails the server sends: an invitation and a password reset. Plain text; the server
# also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Hello { $name },
mail-signature = Partner support

mail-invitation-subject = Your Pulse Companion account is ready
mail-invitation-partner = Partner support made a Pulse Companion account for you ({ $email }). With it you can write to partner support from your phone, send photos, and follow every case until it is resolved.
mail-invitation-handler = You are invited to work as a case handler in Pulse Companion ({ $email }), answering partners' cases.
mail-invitation-action = Choose your password
mail-invitation-expiry = { $days ->
    [one] The link works once, for one day.
   *[other] The link works once, for { $days } days.
}
mail-invitation-not-you = If you did not expect this e-mail, you can ignore it: no password is set until the link is used.

mail-reset-subject = Choose a new password for Pulse Companion
mail-reset-body = Someone asked to choose a new password for the Pulse Companion account { $email }.
mail-reset-action = Choose a new password
mail-reset-expiry = { $minutes ->
    [one] The link works once, for one minute. Choosing a new password signs out every device that uses this account.
   *[other] The link works once, for { $minutes } minutes. Choosing a new password signs out every device that uses this account.
}
mail-reset-not-you = If you did not ask for this, you can ignore this e-mail: your password stays as it is.
