# E-mails the server sends, in Spanish: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.
# Spanish CLDR plural categories: one, many, other.

mail-greeting = Hola, { $name }:
mail-signature = Soporte para partners

mail-invitation-subject = Su cuenta de Pulse Companion está lista
mail-invitation-partner = El soporte para partners le ha creado una cuenta de Pulse Companion ({ $email }). Con ella puede escribir al soporte para partners desde su teléfono, enviar fotos y seguir cada caso hasta que se resuelva.
mail-invitation-handler = Le invitamos a trabajar en Pulse Companion ({ $email }) como gestor de casos y responder a los casos de los partners.
mail-invitation-action = Elegir su contraseña
mail-invitation-expiry = { $days ->
    [one] El enlace solo puede usarse una vez, durante un día.
    [many] El enlace solo puede usarse una vez, durante { $days } días.
   *[other] El enlace solo puede usarse una vez, durante { $days } días.
}
mail-invitation-not-you = Si no esperaba este correo, puede ignorarlo: no se establece ninguna contraseña hasta que se use el enlace.

mail-reset-subject = Elija una nueva contraseña para Pulse Companion
mail-reset-body = Alguien ha solicitado elegir una nueva contraseña para la cuenta de Pulse Companion { $email }.
mail-reset-action = Elegir una nueva contraseña
mail-reset-expiry = { $minutes ->
    [one] El enlace solo puede usarse una vez, durante un minuto. Al elegir una nueva contraseña, se cierra la sesión en todos los dispositivos que usan esta cuenta.
    [many] El enlace solo puede usarse una vez, durante { $minutes } minutos. Al elegir una nueva contraseña, se cierra la sesión en todos los dispositivos que usan esta cuenta.
   *[other] El enlace solo puede usarse una vez, durante { $minutes } minutos. Al elegir una nueva contraseña, se cierra la sesión en todos los dispositivos que usan esta cuenta.
}
mail-reset-not-you = Si no lo ha solicitado, puede ignorar este correo: su contraseña seguirá siendo la misma.
