# E-mails the server sends, in French: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.

mail-greeting = Bonjour { $name },
mail-signature = Le support partenaires

mail-invitation-subject = Votre compte Pulse Companion est prêt
mail-invitation-partner = Le support partenaires a créé pour vous un compte Pulse Companion ({ $email }). Il vous permet d’écrire au support partenaires depuis votre téléphone, d’envoyer des photos et de suivre chaque dossier jusqu’à sa résolution.
mail-invitation-handler = Nous vous invitons à rejoindre Pulse Companion ({ $email }) en tant que gestionnaire de dossiers, pour répondre aux dossiers des partenaires.
mail-invitation-action = Choisir votre mot de passe
mail-invitation-expiry = { $days ->
    [one] Le lien ne peut servir qu’une fois et reste valable un jour.
   *[other] Le lien ne peut servir qu’une fois et reste valable { $days } jours.
}
mail-invitation-not-you = Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer : aucun mot de passe n’est défini tant que le lien n’a pas été utilisé.

mail-reset-subject = Choisissez un nouveau mot de passe pour Pulse Companion
mail-reset-body = Quelqu’un a demandé à choisir un nouveau mot de passe pour le compte Pulse Companion { $email }.
mail-reset-action = Choisir un nouveau mot de passe
mail-reset-expiry = { $minutes ->
    [one] Le lien ne peut servir qu’une fois et reste valable une minute. Choisir un nouveau mot de passe déconnecte tous les appareils qui utilisent ce compte.
   *[other] Le lien ne peut servir qu’une fois et reste valable { $minutes } minutes. Choisir un nouveau mot de passe déconnecte tous les appareils qui utilisent ce compte.
}
mail-reset-not-you = Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail : votre mot de passe reste inchangé.
