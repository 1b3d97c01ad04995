# E-mails the server sends, in Swedish: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Hej { $name },
mail-signature = Partnersupporten

mail-invitation-subject = Ditt Pulse Companion-konto är klart
mail-invitation-partner = Partnersupporten har skapat ett Pulse Companion-konto åt dig ({ $email }). Med det kan du skriva till partnersupporten från telefonen, skicka bilder och följa varje ärende tills det är löst.
mail-invitation-handler = Du har bjudits in att arbeta som ärendehandläggare i Pulse Companion ({ $email }) och svara på partners ärenden.
mail-invitation-action = Välj ditt lösenord
mail-invitation-expiry = { $days ->
    [one] Länken fungerar en gång och gäller i en dag.
   *[other] Länken fungerar en gång och gäller i { $days } dagar.
}
mail-invitation-not-you = Om du inte väntade dig det här e-postmeddelandet kan du bortse från det: inget lösenord sätts förrän länken används.

mail-reset-subject = Välj ett nytt lösenord för Pulse Companion
mail-reset-body = Någon har bett om att få välja ett nytt lösenord för Pulse Companion-kontot { $email }.
mail-reset-action = Välj ett nytt lösenord
mail-reset-expiry = { $minutes ->
    [one] Länken fungerar en gång och gäller i en minut. När ett nytt lösenord väljs loggas alla enheter som använder kontot ut.
   *[other] Länken fungerar en gång och gäller i { $minutes } minuter. När ett nytt lösenord väljs loggas alla enheter som använder kontot ut.
}
mail-reset-not-you = Om du inte har bett om detta kan du bortse från det här e-postmeddelandet: ditt lösenord förblir detsamma.
