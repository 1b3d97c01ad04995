# The app's texts: French. Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Français
tab-home = Accueil
tab-messages = Messages
tab-notifications = Notifications
tab-more = Plus
nav-back = Retour
unread-badge = { $count ->
    [one] { $count } notification non lue
   *[other] { $count } notifications non lues
}
line-offline = Vous êtes hors ligne. Ce que vous écrivez est conservé et sera envoyé dès le retour de la connexion.
line-waiting = { $count ->
    [one] { $count } message en attente d’envoi
   *[other] { $count } messages en attente d’envoi
}
banner-label = Du nouveau de la part du support partenaires
loading = Chargement…
elsewhere-body = Pulse Companion est ouvert dans un autre onglet. L’utiliser ici à la place ? L’autre onglet s’arrête, et rien de ce que vous avez écrit n’est perdu.
elsewhere-use-here = L’utiliser ici
fatal-storage = L’appli n’a pas pu ouvrir son espace de stockage sur cet appareil : { $reason }
action-failed = Cela n’a pas fonctionné. { $reason }
notice-close = Fermer
read-failed = Impossible d’afficher ceci. { $reason }
read-retry = Réessayer

## Signing in

sign-in-title = Connexion
sign-in-intro = Connectez-vous avec votre compte partenaire pour contacter le support partenaires.
sign-in-not-remembered = Cet appareil n’a pas de trousseau que l’application puisse utiliser : la session ne sera pas mémorisée et vous devrez vous reconnecter après avoir fermé l’application.
sign-in-again-intro = Votre session a expiré. Reconnectez-vous : vos brouillons et vos messages en attente sont conservés.
sign-in-server = Adresse du serveur
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-submit = Se connecter
sign-in-busy = Connexion en cours…
sign-in-forgot = Mot de passe oublié ?
sign-in-advanced = Options avancées : adresse du serveur
sign-in-advanced-hint = Ne modifiez cette adresse que si votre équipe de support vous en a communiqué une autre.

forgot-title = Mot de passe oublié
forgot-intro = Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-busy = Envoi en cours…
forgot-sent = Si un compte utilise { $email }, un e-mail contenant un lien pour choisir un nouveau mot de passe est en route. Le lien est valable une heure. Si vous ne recevez rien, vérifiez votre dossier de courrier indésirable (spam).
forgot-back = Retour à la connexion

password-new = Nouveau mot de passe
password-rules = Au moins 8 caractères, au choix. Quelques mots faciles à retenir font un bon mot de passe.
password-show = Afficher le mot de passe
password-current = Mot de passe actuel
welcome-title = Bienvenue dans Pulse Companion
welcome-intro = Choisissez un mot de passe pour { $email }. Vous vous connecterez avec ce mot de passe et votre adresse e-mail.
reset-title = Choisir un nouveau mot de passe
reset-intro = Choisissez un nouveau mot de passe pour { $email }. Tous les appareils qui utilisent ce compte seront déconnectés.
link-checking = Vérification de votre lien…
link-submit = Enregistrer et se connecter
link-busy = Enregistrement…
link-invalid = Ce lien ne fonctionne plus : il a déjà été utilisé, il a expiré ou il a été remplacé par un lien plus récent. Sur l’écran de connexion, choisissez « Mot de passe oublié ? » pour en obtenir un nouveau.
link-other-account = Ce lien concerne { $email }, mais le compte { $current } est connecté sur cet appareil. Déconnectez-vous d’abord, puis ouvrez de nouveau le lien.

## Home

home-greeting = Bonjour { $name }
home-intro = Comment pouvons-nous vous aider aujourd’hui ?
home-write = Nous envoyer un message
home-help = Aide et articles
home-recent = Messages récents
home-see-all = Voir tous les messages
home-no-cases = Vous n’avez pas encore écrit au support partenaires.
home-drafts = { $count ->
    [one] Vous avez { $count } brouillon inachevé
   *[other] Vous avez { $count } brouillons inachevés
}

## More

more-title = Plus
more-help = Aide
more-drafts = Brouillons
more-outbox = En attente d’envoi
more-settings = Paramètres
more-sign-out = Se déconnecter

## Help

help-title = Aide
help-search = Rechercher dans les articles d’aide
help-search-empty = Aucun article ne correspond à « { $query } ».
help-write = Nous envoyer un message
help-report-technical = Signaler un problème technique
help-submit-complaint = Envoyer une réclamation
help-call = Nous appeler
help-call-note = Pour les urgences, par exemple lorsqu’un client se présente à votre porte et qu’aucune chambre n’est disponible.
help-call-number = +31 20 794 7000
help-guests-note = Vous êtes client ? Utilisez les pages d’aide destinées aux clients : cette ligne est réservée aux partenaires.
help-articles = Articles
## Writing a message

compose-title = Nous envoyer un message
compose-technical-title = Signaler un problème technique
compose-complaint-title = Envoyer une réclamation
compose-intro = Choisissez un thème et expliquez-nous ce qui s’est passé. Dès que votre message nous parvient, vous voyez quand nous comptons vous répondre.
compose-technical-intro = Expliquez-nous ce qui n’a pas fonctionné. Les informations sur l’appareil ci-dessous sont jointes à votre signalement.
compose-complaint-intro = Vous n’êtes pas satisfait de la façon dont une situation a été traitée ? Indiquez-nous qui dépose la réclamation, comment vous joindre et ce qu’elle concerne.
compose-continue-draft = Reprendre votre brouillon inachevé
compose-topic = Thème
compose-topic-choose = Choisissez un thème
compose-subtopic = Sous-thème
compose-subtopic-choose = Choisissez un sous-thème
compose-reservation = Numéro de confirmation
compose-reservation-hint = Le numéro de confirmation de la réservation, composé uniquement de chiffres.
compose-property = Établissement
compose-property-any = Tous mes établissements
compose-message = Message
compose-message-placeholder = Décrivez ce qui s’est passé et ce dont vous avez besoin de notre part.
compose-characters = { $count } / { $max }
compose-photos = Photos
compose-add-photo = Ajouter une photo
compose-photo-alt = Photo { $number }
compose-remove-photo = Supprimer
compose-send = Envoyer
compose-saved = Brouillon enregistré sur ce téléphone
compose-delete-draft = Supprimer le brouillon
compose-diagnostics = Informations sur l’appareil
compose-diagnostics-note = Ces informations nous aident à identifier le problème. Elles sont jointes à votre signalement.
complaint-who = Qui dépose la réclamation ?
complaint-who-partner = Je suis le partenaire (propriétaire ou gérant)
complaint-who-staff = Je travaille pour le partenaire
complaint-who-representative = Je représente le partenaire
complaint-name = Votre nom
complaint-email = Adresse e-mail
complaint-phone = Numéro de téléphone (facultatif)

diag-app_version = Version de l’appli
diag-platform = Plateforme
diag-language = Langue
diag-connection = Connexion
diag-user_agent = Navigateur
diag-online = En ligne
diag-offline = Hors ligne
diag-unknown = Pas encore connu

## After Send

sent-title = Votre message est en route
sent-reply-pending = Dès que votre message parvient au support partenaires, vous verrez ici quand nous comptons vous répondre.
sent-queued = En attente de connexion
sent-queued-retry = En attente de connexion ({ $attempts ->
    [one] { $attempts } tentative
   *[other] { $attempts } tentatives
})
sent-sending = Envoi en cours…
sent-sent = Envoyé
sent-failed = Non envoyé : { $reason }
sent-stuck = Bloqué : { $reason } Il est renvoyé de temps en temps ; vous pouvez aussi réessayer maintenant ou le supprimer.
sent-gone = Ce message n’est plus en attente d’envoi.
sent-retry = Réessayer
sent-edit = Modifier
sent-discard = Supprimer
sent-cancel = Annuler l’envoi
sent-view-case = Voir le message
sent-done = Terminé

## Drafts and the outbox

drafts-title = Brouillons
drafts-empty = Aucun brouillon. Tout ce que vous commencez à écrire est conservé ici jusqu’à l’envoi.
draft-untitled = Brouillon sans thème
draft-edited = Modifié { $when }
outbox-title = En attente d’envoi
outbox-empty = Rien n’est en attente : tout ce que vous avez envoyé est bien parvenu au support partenaires.
outbox-new-case = Nouveau message
outbox-reply = Réponse
outbox-resolution = Réponse à un résultat
outbox-mediation = Demande de médiation

## Messages (cases)

messages-title = Messages
messages-empty = Aucun message pour l’instant. Écrivez-nous depuis la rubrique Aide.
messages-search = Rechercher dans vos messages
messages-no-match = Aucun message ne correspond à « { $query } ».
messages-more = Afficher les messages plus anciens
messages-unread = { $count ->
    [one] { $count } nouveau
   *[other] { $count } nouveaux
}
messages-cached = Affiché depuis ce téléphone : ce n’est peut-être pas la version la plus récente.
case-not-found = Ce message n’est pas encore sur ce téléphone. Ouvrez-le à nouveau lorsque vous serez en ligne.
case-reservation = Numéro de confirmation { $number }
case-created = Envoyé { $when }
case-expected-next = Prochaines étapes
case-number = Dossier { $number }
case-reply-due = { $day ->
    [today] Nous comptons vous répondre aujourd’hui avant { $time }.
    [tomorrow] Nous comptons vous répondre demain avant { $time }.
    [weekday] Nous comptons vous répondre { $weekday } avant { $time }.
   *[date] Nous comptons vous répondre d’ici le { $date }.
}
case-reply-late = { $day ->
    [today] Notre réponse est en retard : nous comptions vous répondre aujourd’hui avant { $time }. Nous nous en occupons.
    [yesterday] Notre réponse est en retard : nous comptions vous répondre hier avant { $time }. Nous nous en occupons.
    [weekday] Notre réponse est en retard : nous comptions vous répondre { $weekday } avant { $time }. Nous nous en occupons.
   *[date] Notre réponse est en retard : nous comptions vous répondre d’ici le { $date }. Nous nous en occupons.
}
case-info-needed-title = Le support partenaires a besoin d’informations complémentaires
case-info-needed-body = Répondez ci-dessous pour que nous puissions poursuivre le traitement de votre dossier.
case-reply = Répondre
case-reply-placeholder = Rédigez votre réponse
case-reply-send = Envoyer la réponse
case-pending = { $count ->
    [one] { $count } message en attente d’envoi pour ce dossier
   *[other] { $count } messages en attente d’envoi pour ce dossier
}
case-resolved-title = Le support partenaires a résolu ce dossier
case-outcome = Résultat : { $outcome }
case-answer-intro = Ce résultat résout-il votre problème ?
case-accept = Accepter le résultat
case-disagree = Je ne suis pas d’accord
case-disagree-comment = Expliquez-nous pourquoi vous n’êtes pas d’accord
case-disagree-send = Envoyer mon désaccord
case-mediation-title = Médiation indépendante
case-mediation-body = En tant que partenaire établi dans l’Espace économique européen, vous pouvez demander à un médiateur indépendant d’examiner ce dossier.
case-mediation-request = Demander une médiation
case-attachments = { $count ->
    [one] { $count } pièce jointe
   *[other] { $count } pièces jointes
}
case-document = Document { $number } (PDF)
case-photo-close = Fermer
case-you = Vous
case-support = Support partenaires

kind-question = Question
kind-technical_issue = Problème technique
kind-complaint = Réclamation

status-queued = En attente d’envoi
status-submitted = Envoyé
status-acknowledged = Réception confirmée
status-in_progress = En cours de traitement
status-awaiting_partner = Informations complémentaires requises
status-resolved = Résolu
status-accepted = Accepté
status-disputed = Contesté
status-mediation = En médiation
status-closed = Clôturé

event-submitted = Vous avez envoyé votre message
event-acknowledged = Le support partenaires a bien reçu votre message
event-update = Mise à jour du support partenaires
event-info_requested = Le support partenaires a besoin d’informations complémentaires
event-reply = Réponse
event-resolved = Résolu
event-accepted = Vous avez accepté le résultat
event-disputed = Vous avez contesté le résultat
event-mediation_requested = Médiation demandée
event-closed = Dossier clôturé

## Notifications

notifications-title = Notifications
notifications-empty = Aucune notification. Lorsque le support partenaires vous répondra, vous le verrez ici.
notifications-mark-all = Tout marquer comme lu
notification-unread = Non lue
notify-acknowledged = Votre message concernant « { $topic } » a bien été reçu.
notify-update = Nouvelle mise à jour concernant « { $topic } ».
notify-info_requested = Des informations complémentaires sont nécessaires concernant « { $topic } ».
notify-reply = Nouvelle réponse concernant « { $topic } ».
notify-resolved = Votre dossier concernant « { $topic } » est résolu.
notify-accepted = Le résultat concernant « { $topic } » a été accepté.
notify-disputed = Votre désaccord concernant « { $topic } » a été enregistré.
notify-mediation_requested = Une médiation a été demandée concernant « { $topic } ».
notify-closed = Votre dossier concernant « { $topic } » est clôturé.
notify-submitted = Votre message concernant « { $topic } » a été envoyé.

## Settings

settings-title = Paramètres
settings-language = Langue
settings-language-device = Langue du téléphone
settings-account = Compte
settings-account-name = Nom
settings-account-email = Adresse e-mail
settings-account-properties = { $count ->
    [one] { $count } établissement
   *[other] { $count } établissements
}
settings-notifications = Notifications
settings-push-on = Activées : cet appareil vous prévient lorsque le support partenaires répond ou que votre dossier évolue, même quand l’appli est fermée.
settings-push-off = Désactivées : vous voyez ce qui a changé dans vos dossiers lorsque vous ouvrez l’appli.
settings-push-turn-on = Activer les notifications
settings-push-turn-off = Désactiver les notifications
settings-push-busy = Un instant…
settings-push-blocked = Bloquées par le navigateur : il n’autorise pas ce site à afficher des notifications.
settings-push-blocked-how = Pour les autoriser, ouvrez les paramètres du site (l’icône de cadenas à côté de l’adresse), réglez Notifications sur Autoriser, puis rechargez la page.
settings-push-unavailable-browser = Non disponibles dans ce navigateur. Vous voyez ce qui a changé dans vos dossiers lorsque vous ouvrez l’appli.
settings-push-unavailable-device = Non disponibles sur cet appareil. Vous voyez ce qui a changé dans vos dossiers lorsque vous ouvrez l’appli.
settings-push-not-allowed = Les notifications restent désactivées : le navigateur n’a pas reçu l’autorisation de les afficher.
settings-push-subscribe-failed = Ce navigateur n’a pas pu s’abonner aux notifications : il n’a peut-être pas de service push, ou ne parvient pas à le joindre pour le moment. Rien n’a été modifié.
settings-push-offline = Impossible de joindre le serveur : rien n’a donc été modifié. Réessayez une fois en ligne.
settings-server = Serveur
settings-about = À propos
settings-version = Version { $version }
settings-sign-out = Se déconnecter
settings-password = Mot de passe
settings-change-password = Changer le mot de passe
password-change-submit = Changer le mot de passe
password-change-busy = Modification en cours…
password-changed = Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.
settings-sign-out-everywhere = Se déconnecter sur tous les appareils
sign-out-everywhere-confirm = Se déconnecter sur tous les appareils qui utilisent ce compte, y compris celui-ci ? Les brouillons et les messages en attente restent sur cet appareil pour votre prochaine connexion.
sign-out-everywhere-yes = Se déconnecter partout
sign-out-unsent = { $count ->
        [one] Un message ou brouillon sur ce téléphone n’est pas encore parvenu à l’assistance.
       *[other] { $count } messages ou brouillons sur ce téléphone ne sont pas encore parvenus à l’assistance.
    } Que voulez-vous en faire ?
sign-out-send-first = Les envoyer d’abord, puis se déconnecter
sign-out-keep = Les garder pour ma prochaine connexion
sign-out-discard = Les supprimer et se déconnecter
sign-out-stay = Rester connecté
sign-out-sending = { $count ->
        [one] Envoi d’un message…
       *[other] Envoi de { $count } messages…
    } Vous serez déconnecté dès qu’ils seront partis.

## Times

time-just-now = à l’instant
time-minutes-ago = { $count ->
    [one] il y a une minute
   *[other] il y a { $count } minutes
}
time-hours-ago = { $count ->
    [one] il y a une heure
   *[other] il y a { $count } heures
}
time-yesterday = hier
time-days-ago = { $count ->
    [one] il y a un jour
   *[other] il y a { $count } jours
}
date-time = { $day } { $month } { $year } à { $time }
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## Errors: the server's codes and the app's own

error-network = Impossible de joindre le serveur. Votre message est conservé et sera envoyé plus tard.
error-unexpected = Une erreur s’est produite de notre côté. Veuillez réessayer.
error-invalid_input = Un élément de ce formulaire est incorrect. Veuillez le vérifier.
error-body_empty = Rédigez un message.
error-body_too_long = Le message est trop long : { $max } caractères maximum.
error-unknown_topic = Choisissez un thème.
error-unknown_subtopic = Choisissez un sous-thème.
error-reservation_ref_invalid = Un numéro de confirmation ne contient que des chiffres.
error-unknown_property = Cet établissement n’est pas associé à votre compte.
error-too_many_attachments = { $max } photos maximum par message.
error-unknown_attachment = Une photo est introuvable. Supprimez-la, puis ajoutez-la à nouveau.
error-attachment_too_large = Ce fichier est trop volumineux : { $max } Mo maximum.
error-unsupported_media_type = Seuls les photos (JPEG, PNG, WebP, HEIC) et les fichiers PDF peuvent être envoyés.
error-payload_too_large = Ce contenu est trop volumineux pour être envoyé.
error-idempotency_key_missing = L’appli a envoyé une requête incomplète. Veuillez réessayer.
error-idempotency_key_invalid = L’appli a envoyé une requête incomplète. Veuillez réessayer.
error-idempotency_key_reused = Ce message a déjà été envoyé avec un contenu différent.
error-invalid_credentials = L’adresse e-mail ou le mot de passe est incorrect.
error-unauthorized = Votre session a expiré. Reconnectez-vous.
error-forbidden = Vous n’êtes pas autorisé à effectuer cette action.
error-not_found = Élément introuvable.
error-invalid_transition = Ce dossier a évolué entre-temps. Actualisez et réessayez.
error-mediation_not_available = La médiation est proposée aux partenaires établis dans l’Espace économique européen.
error-rate_limited = Trop de tentatives. Veuillez patienter un instant.
error-internal = Une erreur s’est produite de notre côté. Veuillez réessayer.
error-contact_required = Saisissez votre nom et une adresse e-mail valide.
error-email_invalid = Cette adresse e-mail est incomplète. Saisissez votre nom et une adresse e-mail valide.
error-text_invalid = Ce texte contient des caractères qui ne peuvent pas être envoyés. Supprimez-les et réessayez.
error-text_too_long = Un nom ou un numéro de téléphone est trop long. Raccourcissez-le et réessayez.
error-too_many_pending_files = Trop de photos attendent d'être envoyées. Elles partent avec vos messages ; réessayez dans une minute.
error-image_unreadable = Cette photo est illisible. Reprenez-la ou choisissez-en une autre.
error-image_too_large = Cette photo est trop grande pour être traitée. Choisissez-en une plus petite.
error-password_too_short = Un mot de passe doit comporter au moins 8 caractères.
error-password_too_long = Un mot de passe peut comporter 128 caractères au maximum.
error-password_common = Ce mot de passe fait partie des plus courants ou des plus divulgués : il est facile à deviner. Choisissez-en un autre : quelques mots faciles à retenir font un bon mot de passe.
error-link_invalid = Ce lien ne fonctionne plus : il a déjà été utilisé, il a expiré ou il a été remplacé par un lien plus récent. Demandez-en un nouveau.
error-unknown_handler = Ce compte n’appartient pas au support partenaires.
error-too_many_saved_replies = Vous avez atteint le nombre maximal de réponses enregistrées. Supprimez-en une avant d’en ajouter une autre.
error-push_target_invalid = L’adresse de notification de cet appareil n’a pas été acceptée. Veuillez réessayer.
error-push_unavailable = Ce serveur n’envoie pas de notifications à ce type d’appareil.
error-push_target_taken = Les notifications de cet appareil sont configurées pour un autre compte. Déconnectez-vous de ce compte sur cet appareil, puis réessayez.
error-file_missing = Une photo de ce message n’est plus sur ce téléphone. Modifiez le message et ajoutez-la à nouveau.
error-on_its_way = Ce message est déjà en route vers l’assistance : il ne peut plus être modifié ni annulé. Il n’arrivera qu’une fois.
error-storage = Le stockage de ce téléphone n’a pas pu être lu ou écrit. Veuillez réessayer.
error-server_address = Saisissez l’adresse du serveur, en commençant par http:// ou https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Tarifs et disponibilités
topic-promotions = Promotions
topic-reservations = Réservations
topic-opportunities = Opportunités
topic-guest_reviews = Commentaires clients
topic-invoices_commission = Factures et commission
topic-payouts = Réception des versements
topic-statistics = Statistiques
topic-property_details = Informations sur l’établissement
topic-account = Compte
subtopic-rates_availability-rates = Tarifs
subtopic-rates_availability-availability = Disponibilités
subtopic-rates_availability-restrictions = Restrictions
subtopic-rates_availability-other = Autre
subtopic-promotions-create_promotion = Créer une promotion
subtopic-promotions-promotion_display = Affichage d’une promotion
subtopic-promotions-other = Autre
subtopic-reservations-cancellations = Annulations
subtopic-reservations-changes = Modifications
subtopic-reservations-questions = Questions
subtopic-opportunities-opportunity_centre = Centre des opportunités
subtopic-opportunities-commercial_advice = Conseils commerciaux
subtopic-opportunities-other = Autre
subtopic-guest_reviews-guest_comment = Commentaire d’un client
subtopic-guest_reviews-review_reply = Ma réponse à un commentaire
subtopic-guest_reviews-other = Autre
subtopic-invoices_commission-invoices = Factures
subtopic-invoices_commission-commission = Commission
subtopic-invoices_commission-other = Autre
subtopic-payouts-payouts = Versements
subtopic-payouts-payments_service = Service de paiement
subtopic-payouts-virtual_cards = Cartes virtuelles
subtopic-payouts-bank_details = Coordonnées bancaires
subtopic-statistics-analytics = Analyses
subtopic-statistics-performance = Performances
subtopic-statistics-other = Autre
subtopic-property_details-star_rating = Classement par étoiles
subtopic-property_details-facilities = Équipements
subtopic-property_details-location = Emplacement
subtopic-property_details-other = Autre
subtopic-account-password = Mot de passe
subtopic-account-contacts = Contacts
subtopic-account-channel_manager = Gestionnaire de canaux (channel manager)
subtopic-account-devices = Appareils
subtopic-account-contract_termination = Résiliation du contrat
subtopic-account-other = Autre
