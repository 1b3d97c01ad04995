# E-mails the server sends, in Dutch: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Beste { $name },
mail-signature = Partnersupport

mail-invitation-subject = Uw Pulse Companion-account staat klaar
mail-invitation-partner = Partnersupport heeft een Pulse Companion-account voor u aangemaakt ({ $email }). Daarmee kunt u vanaf uw telefoon berichten sturen aan partnersupport, foto’s meesturen en elke zaak volgen tot die is opgelost.
mail-invitation-handler = U bent uitgenodigd om in Pulse Companion ({ $email }) als zaakbehandelaar te werken en zaken van partners te beantwoorden.
mail-invitation-action = Kies uw wachtwoord
mail-invitation-expiry = { $days ->
    [one] De link werkt één keer, één dag lang.
   *[other] De link werkt één keer, { $days } dagen lang.
}
mail-invitation-not-you = Had u deze e-mail niet verwacht? Dan kunt u hem negeren: er wordt pas een wachtwoord ingesteld als de link wordt gebruikt.

mail-reset-subject = Kies een nieuw wachtwoord voor Pulse Companion
mail-reset-body = Iemand heeft gevraagd om een nieuw wachtwoord te kiezen voor het Pulse Companion-account { $email }.
mail-reset-action = Kies een nieuw wachtwoord
mail-reset-expiry = { $minutes ->
    [one] De link werkt één keer, één minuut lang. Als er een nieuw wachtwoord wordt gekozen, wordt elk apparaat dat dit account gebruikt uitgelogd.
   *[other] De link werkt één keer, { $minutes } minuten lang. Als er een nieuw wachtwoord wordt gekozen, wordt elk apparaat dat dit account gebruikt uitgelogd.
}
mail-reset-not-you = Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.
