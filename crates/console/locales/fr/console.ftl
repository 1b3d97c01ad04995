# Les textes de la console de support (français). La console lit aussi les textes propres à l’application
# (locales/<code>/app.ftl) : thèmes, sous-thèmes, mois et erreurs de l’API.

console-title = Console de support Pulse
console-sign-in-intro = Connectez-vous avec votre compte support partenaires.
console-email = Adresse e-mail
console-password = Mot de passe
console-sign-in = Se connecter
console-sign-out = Se déconnecter
console-not-handler = Ce compte est celui d’un partenaire. La console est réservée au support partenaires ; les partenaires utilisent l’application Pulse Companion.
console-signed-out = Votre session a expiré. Reconnectez-vous.
console-network = Impossible de joindre le serveur. Rien n’a été modifié ; réessayez dans un instant.
console-unreadable = La réponse du serveur n’a pas pu être lue. Rechargez la page et réessayez.
console-moved-on = Ce dossier a été modifié entre-temps. Rien n’a été envoyé : voici son état actuel, et votre texte se trouve toujours dans la zone de saisie.
console-not-found = Cette page n’existe pas.
console-back-to-queue = Retour à la file d’attente
console-loading = Chargement…
console-live-on = En direct
console-live-off = Reconnexion…
console-language = Langue
console-saved-replies = Réponses enregistrées
console-invite = Inviter
console-keys = Raccourcis : j et k parcourent la file d’attente (ou passent au dossier suivant ou précédent), Enter ouvre, / lance une recherche, r rédige une réponse, Ctrl+Enter l’envoie, Esc revient à la file d’attente.

console-view-new = Nouveaux
console-view-overdue = En retard
console-view-due_soon = Échéance sous 4 heures
console-view-waiting = En attente du partenaire
console-view-mine = Attribués à moi
console-view-unassigned = Non attribués
console-view-open = Tous les dossiers ouverts
console-view-closed = Clôturés

console-search = Rechercher par numéro de dossier, partenaire, e-mail ou texte
console-search-short = Saisissez au moins 3 caractères pour lancer la recherche.
console-queue-empty = Aucun dossier ici.
console-more = Afficher plus
console-unassigned = Non attribué
console-last-activity = Dernière activité : { $when }

console-due-none = Aucune réponse attendue
console-due-in = Réponse attendue dans { $span }
console-due-soon = Échéance proche : il reste { $span }
console-due-overdue = En retard de { $span }
console-span-days = { $days } j { $hours } h
console-span-hours = { $hours } h { $minutes } min
console-span-minutes = { $minutes } min

console-status-submitted = Nouveau
console-status-acknowledged = Réception confirmée
console-status-in_progress = En cours de traitement
console-status-awaiting_partner = En attente du partenaire
console-status-resolved = Résolu
console-status-accepted = Accepté
console-status-disputed = Contesté
console-status-mediation = En médiation
console-status-closed = Clôturé

console-kind-question = Question
console-kind-technical_issue = Problème technique
console-kind-complaint = Réclamation

console-partner = Partenaire
console-name = Nom
console-country = Pays
console-eea-yes = dans l’EEE
console-eea-no = hors EEE
console-property = Établissement
console-language-written = Langue utilisée
console-unknown = Inconnue
console-subject = Objet
console-kind = Type
console-topic = Thème
console-reservation = Numéro de confirmation
console-opened = Ouvert le
console-expected-next = Prochaines étapes
console-contact = Coordonnées
console-phone = Téléphone
console-complainant = Réclamation déposée par
console-complainant-partner = Le partenaire
console-complainant-staff = Un membre du personnel du partenaire
console-complainant-representative = Un représentant
console-diagnostics = Informations sur l’appareil
console-photos = Photos et fichiers
console-photo = Photo envoyée par le partenaire
console-download-pdf = Télécharger le PDF ({ $size } Ko)
console-close = Fermer

console-event-submitted = Message du partenaire
console-event-acknowledged = Réception confirmée
console-event-update = Mise à jour
console-event-info_requested = Informations complémentaires demandées
console-event-reply = Réponse du partenaire
console-event-resolved = Résolu
console-event-accepted = Résultat accepté
console-event-disputed = Résultat contesté
console-event-mediation_requested = Médiation demandée
console-event-closed = Clôturé
console-event-note = Note interne
console-event-assigned = Attribution
console-internal = Visible uniquement par le support
console-expected-next-was = Prochaines étapes : { $text }
console-outcome-was = Résultat : { $text }
console-event-files = { $count ->
    [one] 1 fichier
   *[other] { $count } fichiers
}

console-assignee = Attribué à
console-take = Prendre ce dossier
console-assign-to = Attribuer à
console-nobody = Personne

console-answer = Répondre au partenaire
console-answer-placeholder = Écrivez au partenaire. Pour un accusé de réception : les prochaines étapes. Pour une résolution : le résultat.
console-insert-saved = Insérer :
console-move-acknowledge = Accuser réception
console-move-post_update = Envoyer une mise à jour
console-move-request_info = Demander des informations complémentaires
console-move-resolve = Résoudre avec ce résultat
console-move-close = Clôturer le dossier
console-move-other = Exécuter
console-no-moves = Aucune autre action n’est possible sur ce dossier.
console-note = Note interne
console-note-hint = Les notes sont réservées au support partenaires : le partenaire ne les voit jamais.
console-add-note = Ajouter une note

console-saved-hint = Écrivez { "{" }partner_name{ "}" } là où doit figurer le nom du partenaire.
console-saved-title = Titre
console-saved-body = Texte
console-save = Enregistrer
console-delete = Supprimer

console-invite-hint = La personne reçoit un e-mail dans la langue choisie ici, avec un lien pour choisir son mot de passe. Le lien ne sert qu’une fois, pendant 7 jours ; une nouvelle invitation à la même adresse le remplace.
console-invite-role = Compte pour
console-invite-role-partner = Un partenaire
console-invite-role-handler = Un collègue du support partenaires
console-invite-country = Pays (deux lettres, p. ex. FR)
console-invite-properties = Établissements, un par ligne
console-invite-language = Langue de l’e-mail et de l’application
console-invite-send = Envoyer l’invitation
console-invite-sent = Invitation envoyée à { $email }. Le lien est valable jusqu’au { $until }.
