# Help articles: French.

help-contact = Envoyer un message au support partenaires
    .summary = Écrivez au support partenaires depuis l’appli dès que vous avez une question sur votre établissement, une réservation ou votre compte.
    .body = Appuyez sur « Plus », puis sur « Aide », et touchez ensuite l’icône en forme d’enveloppe pour ouvrir « Nous envoyer un message ».
        Choisissez le thème le plus adapté, puis le sous-thème, et expliquez avec vos propres mots ce dont vous avez besoin. Si votre question concerne une réservation, sélectionnez « Réservations » et indiquez le numéro de confirmation pour que nous puissions la retrouver immédiatement.
        Avant d’appuyer sur « Envoyer », vous pouvez ajouter des photos, par exemple une capture d’écran ou une image qui montre le problème.
        Nous nous efforçons de répondre sous 24 heures, même si cela peut parfois prendre un peu plus de temps. Notre réponse s’affiche dans « Messages » et vous la retrouvez aussi dans « Notifications ».

help-technical = Signaler un problème technique
    .summary = Prévenez-nous lorsque quelque chose ne fonctionne pas comme il le devrait dans l’appli ou sur la plateforme.
    .body = Dans « Aide », appuyez sur « Signaler un problème technique ». L’appli classe votre signalement sous le thème « Compte » et le sous-thème « Autre », afin qu’il parvienne à l’équipe chargée des problèmes techniques.
        Décrivez ce qui s’est passé, ce à quoi vous vous attendiez et, à peu près, depuis quand le problème se produit. Une capture d’écran du message d’erreur éventuel nous est très utile.
        Pour faciliter notre analyse, l’appli joint quelques informations sur votre appareil, comme la version de l’appli, la plateforme, la langue et l’état de la connexion. Vous voyez précisément ce qui sera transmis avant l’envoi.
        Une fois votre message terminé, appuyez sur « Envoyer ». Un membre de notre équipe reviendra vers vous dès que possible.

help-complaint = Envoyer une réclamation
    .summary = Envoyez une réclamation lorsqu’un problème est survenu avec notre plateforme ou nos services et que vous souhaitez un examen formel de la situation.
    .body = Une réclamation concerne un problème lié à la plateforme ou au service que vous avez reçu de notre part, et non les questions du quotidien. Pour une simple question, « Nous envoyer un message » est généralement plus rapide.
        Dans « Aide », appuyez sur « Envoyer une réclamation ». Indiquez d’abord qui dépose la réclamation : vous-même en tant que partenaire, une personne qui travaille pour le partenaire ou une personne qui le représente.
        Renseignez ensuite un nom et une adresse e-mail pour que nous puissions vous joindre ; le numéro de téléphone est facultatif.
        Choisissez alors le thème concerné et expliquez dans le message ce qui s’est mal passé. Plus votre description est détaillée, avec des dates, des numéros de réservation et les démarches déjà tentées, plus nous pourrons régler la situation rapidement.
        Appuyez sur « Envoyer » pour transmettre votre réclamation. Vous pourrez suivre son avancement dans « Messages ».

help-process = Comment nous traitons votre réclamation
    .summary = Voici ce qui se passe après l’envoi d’une réclamation, de notre première réponse jusqu’au résultat final.
    .body = Nous commençons par accuser réception de votre réclamation et par vous indiquer les prochaines étapes. Nous nous efforçons de vous répondre sous 24 heures.
        Pendant notre examen, nous vous tenons au courant, et un membre de notre équipe peut vous demander des informations complémentaires. Vous pouvez répondre directement dans « Messages ».
        Une fois la solution trouvée, nous vous communiquons le résultat. Vous pouvez l’accepter, ou nous faire part de votre désaccord en expliquant pourquoi dans un commentaire.
        Si vous êtes un partenaire établi dans l’Espace économique européen (EEE) et que le désaccord persiste, vous pouvez demander une médiation. Un médiateur indépendant examinera alors votre dossier.

help-urgent = Urgences : appelez-nous
    .summary = Lorsqu’une situation ne peut pas attendre une réponse écrite, mieux vaut appeler le support partenaires.
    .body = Certaines situations exigent une réponse immédiate, par exemple lorsqu’un client qui a réservé se présente à votre porte alors qu’aucune chambre n’est disponible.
        Dans ces cas-là, n’attendez pas la réponse à un message. Ouvrez « Aide » et appuyez sur « Nous appeler » pour joindre directement le support partenaires.
        Gardez à portée de main le numéro de confirmation et les informations sur votre établissement : nous pourrons ainsi vous aider plus vite.
        Pour tout ce qui peut attendre, « Nous envoyer un message » reste le moyen le plus simple de nous contacter.

help-guests = Orienter les clients vers la bonne aide
    .summary = Les clients obtiennent de l’aide plus rapidement sur les pages d’aide qui leur sont destinées que par la ligne réservée aux partenaires.
    .body = Le support partenaires est là pour vous aider, vous et votre établissement. Nous ne pouvons pas prendre en charge les clients qui nous contactent par les canaux partenaires, et cela ralentit généralement les choses pour tout le monde.
        Si un client a besoin de notre aide, orientez-le vers les pages d’aide destinées aux clients. Il pourra y gérer lui-même sa réservation ou contacter le service clients dans sa langue, par chat, par e-mail ou par téléphone.
        Ne communiquez pas aux clients les coordonnées que vous utilisez pour nous joindre, ni notre numéro de téléphone réservé aux partenaires. Le plus simple est de les inviter à ouvrir la rubrique d’aide de l’appli ou du site sur lequel ils ont réservé.

help-offline = Écrire sans connexion
    .summary = Vous pouvez nous écrire même sans réseau : votre message partira dès que la connexion sera rétablie.
    .body = Si la connexion est coupée pendant que vous écrivez, continuez simplement. Votre message est enregistré comme brouillon sur votre téléphone, pour que vous puissiez le terminer plus tard.
        Si vous appuyez sur « Envoyer » sans connexion, le message reste sur votre téléphone avec ses éventuelles photos, dans « En attente d’envoi ».
        Dès que la connexion revient, l’appli l’envoie automatiquement, une seule fois : vous n’avez jamais besoin de le renvoyer.
        Fermer l’appli ne fait rien perdre. Vos brouillons et vos messages en attente sont toujours là quand vous la rouvrez, et vous les retrouvez sous « Plus », dans « Brouillons » et « En attente d’envoi ».
