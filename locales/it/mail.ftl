# E-mails the server sends, in Italian: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Gentile { $name },
mail-signature = Supporto partner

mail-invitation-subject = Il suo account Pulse Companion è pronto
mail-invitation-partner = Il supporto partner ha creato per lei un account Pulse Companion ({ $email }). Con questo account può scrivere al supporto partner dal telefono, inviare foto e seguire ogni caso fino alla sua risoluzione.
mail-invitation-handler = La invitiamo a gestire i casi dei partner in Pulse Companion ({ $email }), rispondendo alle loro richieste.
mail-invitation-action = Scelga la password
mail-invitation-expiry = { $days ->
    [one] Il link funziona una sola volta, per un giorno.
    [many] Il link funziona una sola volta, per { $days } giorni.
   *[other] Il link funziona una sola volta, per { $days } giorni.
}
mail-invitation-not-you = Se non si aspettava questa email, può ignorarla: nessuna password viene impostata finché il link non viene usato.

mail-reset-subject = Scelga una nuova password per Pulse Companion
mail-reset-body = Qualcuno ha chiesto di scegliere una nuova password per l’account Pulse Companion { $email }.
mail-reset-action = Scelga una nuova password
mail-reset-expiry = { $minutes ->
    [one] Il link funziona una sola volta, per un minuto. Quando si sceglie una nuova password, tutti i dispositivi che usano questo account vengono disconnessi.
    [many] Il link funziona una sola volta, per { $minutes } minuti. Quando si sceglie una nuova password, tutti i dispositivi che usano questo account vengono disconnessi.
   *[other] Il link funziona una sola volta, per { $minutes } minuti. Quando si sceglie una nuova password, tutti i dispositivi che usano questo account vengono disconnessi.
}
mail-reset-not-you = Se non ha fatto questa richiesta, può ignorare questa email: la sua password resta invariata.
