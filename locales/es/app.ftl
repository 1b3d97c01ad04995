# The app's texts: Spanish. Same ids as en/app.ftl.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.
# Spanish CLDR plural categories: one, many, other.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Español
tab-home = Inicio
tab-messages = Mensajes
tab-notifications = Notificaciones
tab-more = Más
nav-back = Atrás
unread-badge = { $count ->
    [one] Una notificación sin leer
    [many] { $count } notificaciones sin leer
   *[other] { $count } notificaciones sin leer
}
line-offline = No tiene conexión. Lo que escriba se guarda y se enviará cuando vuelva la conexión.
line-waiting = { $count ->
    [one] Un mensaje pendiente de envío
    [many] { $count } mensajes pendientes de envío
   *[other] { $count } mensajes pendientes de envío
}
banner-label = Novedad del soporte para partners
loading = Cargando…
elsewhere-body = Pulse Companion está abierto en otra pestaña. ¿Usarlo aquí? La otra pestaña se detiene y no se pierde nada de lo que escribió.
elsewhere-use-here = Usarlo aquí
fatal-storage = La aplicación no ha podido abrir su almacenamiento en este dispositivo: { $reason }
action-failed = No ha funcionado. { $reason }
notice-close = Cerrar
read-failed = No se puede mostrar. { $reason }
read-retry = Volver a intentarlo

## Signing in

sign-in-title = Iniciar sesión
sign-in-intro = Inicie sesión con su cuenta de partner para contactar con el soporte para partners.
sign-in-not-remembered = Este dispositivo no tiene un llavero que la aplicación pueda usar, así que la sesión no se recordará: al cerrar la aplicación, tendrá que iniciar sesión de nuevo.
sign-in-again-intro = Su sesión ha caducado. Vuelva a iniciar sesión: sus borradores y mensajes pendientes están a salvo.
sign-in-server = Dirección del servidor
sign-in-email = Dirección de correo electrónico
sign-in-password = Contraseña
sign-in-submit = Iniciar sesión
sign-in-busy = Iniciando sesión…
sign-in-forgot = ¿Ha olvidado su contraseña?
sign-in-advanced = Opciones avanzadas: dirección del servidor
sign-in-advanced-hint = Cámbiela solo si su equipo de soporte le ha dado otra dirección.

forgot-title = Recuperar la contraseña
forgot-intro = Introduzca la dirección de correo electrónico de su cuenta. Le enviaremos un enlace para elegir una nueva contraseña.
forgot-submit = Enviar el enlace
forgot-busy = Enviando…
forgot-sent = Si hay una cuenta con la dirección { $email }, le estamos enviando un correo con un enlace para elegir una nueva contraseña. El enlace funciona durante una hora. Si no le llega nada, revise la carpeta de correo no deseado.
forgot-back = Volver al inicio de sesión

password-new = Nueva contraseña
password-rules = Al menos 8 caracteres, los que quiera. Unas cuantas palabras que pueda recordar funcionan bien.
password-show = Mostrar la contraseña
password-current = Contraseña actual
welcome-title = Le damos la bienvenida a Pulse Companion
welcome-intro = Elija una contraseña para { $email }. Iniciará sesión con ella y con su dirección de correo electrónico.
reset-title = Elija una nueva contraseña
reset-intro = Elija una nueva contraseña para { $email }. Se cerrará la sesión en todos los dispositivos que usen esta cuenta.
link-checking = Comprobando el enlace…
link-submit = Guardar e iniciar sesión
link-busy = Guardando…
link-invalid = Este enlace ya no funciona: ya se usó, caducó o se sustituyó por uno más reciente. En la pantalla de inicio de sesión, elija «¿Ha olvidado su contraseña?» para obtener uno nuevo.
link-other-account = Este enlace es para { $email }, pero en este dispositivo ha iniciado sesión { $current }. Cierre la sesión primero y vuelva a abrir el enlace.

## Home

home-greeting = Hola, { $name }
home-intro = ¿En qué podemos ayudarle hoy?
home-write = Enviarnos un mensaje
home-help = Ayuda y artículos
home-recent = Mensajes recientes
home-see-all = Ver todos los mensajes
home-no-cases = Todavía no ha escrito al soporte para partners.
home-drafts = { $count ->
    [one] Tiene un borrador sin terminar
    [many] Tiene { $count } borradores sin terminar
   *[other] Tiene { $count } borradores sin terminar
}

## More

more-title = Más
more-help = Ayuda
more-drafts = Borradores
more-outbox = Pendientes de envío
more-settings = Configuración
more-sign-out = Cerrar sesión

## Help

help-title = Ayuda
help-search = Buscar en los artículos de ayuda
help-search-empty = Ningún artículo coincide con «{ $query }».
help-write = Enviarnos un mensaje
help-report-technical = Informar de un problema técnico
help-submit-complaint = Presentar una reclamación
help-call = Llamarnos
help-call-note = Para asuntos urgentes, como un huésped que se presenta en su puerta y no tiene habitación.
help-call-number = +31 20 794 7000
help-guests-note = ¿Es usted huésped? Utilice las páginas de ayuda para huéspedes: esta línea es para partners.
help-articles = Artículos
## Writing a message

compose-title = Enviarnos un mensaje
compose-technical-title = Informar de un problema técnico
compose-complaint-title = Presentar una reclamación
compose-intro = Elija un tema y cuéntenos qué ha ocurrido. En cuanto su mensaje nos llegue, verá para cuándo esperamos responderle.
compose-technical-intro = Cuéntenos qué ha fallado. Los datos del dispositivo que aparecen a continuación se envían junto con su aviso.
compose-complaint-intro = ¿No está satisfecho con cómo se ha gestionado algo? Indíquenos quién presenta la reclamación, cómo podemos contactarle y de qué se trata.
compose-continue-draft = Continuar con su borrador sin terminar
compose-topic = Tema
compose-topic-choose = Elija un tema
compose-subtopic = Subtema
compose-subtopic-choose = Elija un subtema
compose-reservation = Número de confirmación
compose-reservation-hint = El número de confirmación de la reserva, solo dígitos.
compose-property = Alojamiento
compose-property-any = Todos mis alojamientos
compose-message = Mensaje
compose-message-placeholder = Describa qué ha ocurrido y qué necesita de nosotros.
compose-characters = { $count } / { $max }
compose-photos = Fotos
compose-add-photo = Añadir una foto
compose-photo-alt = Foto { $number }
compose-remove-photo = Quitar
compose-send = Enviar
compose-saved = Borrador guardado en este teléfono
compose-delete-draft = Eliminar borrador
compose-diagnostics = Datos del dispositivo
compose-diagnostics-note = Estos datos nos ayudan a encontrar el problema. Se envían junto con su aviso.
complaint-who = ¿Quién presenta la reclamación?
complaint-who-partner = Soy el partner (propietario o gerente)
complaint-who-staff = Trabajo para el partner
complaint-who-representative = Represento al partner
complaint-name = Su nombre
complaint-email = Dirección de correo electrónico
complaint-phone = Número de teléfono (opcional)

diag-app_version = Versión de la aplicación
diag-platform = Plataforma
diag-language = Idioma
diag-connection = Conexión
diag-user_agent = Navegador
diag-online = En línea
diag-offline = Sin conexión
diag-unknown = Aún no se conoce

## After Send

sent-title = Su mensaje está en camino
sent-reply-pending = En cuanto su mensaje llegue al soporte para partners, verá aquí para cuándo esperamos responderle.
sent-queued = Esperando conexión
sent-queued-retry = Esperando conexión ({ $attempts ->
    [one] un intento
    [many] { $attempts } intentos
   *[other] { $attempts } intentos
})
sent-sending = Enviando…
sent-sent = Enviado
sent-failed = No enviado: { $reason }
sent-stuck = Atascado: { $reason } Se vuelve a intentar de vez en cuando; también puede reintentarlo ahora o descartarlo.
sent-gone = Este mensaje ya no está pendiente de envío.
sent-retry = Volver a intentarlo
sent-edit = Editar
sent-discard = Descartar
sent-cancel = Cancelar el envío
sent-view-case = Ver el mensaje
sent-done = Listo

## Drafts and the outbox

drafts-title = Borradores
drafts-empty = No hay borradores. Todo lo que empiece a escribir se guarda aquí hasta que lo envíe.
draft-untitled = Borrador sin tema
draft-edited = Editado { $when }
outbox-title = Pendientes de envío
outbox-empty = No hay nada pendiente: todo lo que ha enviado ha llegado al soporte para partners.
outbox-new-case = Mensaje nuevo
outbox-reply = Respuesta
outbox-resolution = Respuesta a un resultado
outbox-mediation = Solicitud de mediación

## Messages (cases)

messages-title = Mensajes
messages-empty = Aún no hay mensajes. Escríbanos desde Ayuda.
messages-search = Buscar en sus mensajes
messages-no-match = Ningún mensaje coincide con «{ $query }».
messages-more = Mostrar mensajes anteriores
messages-unread = { $count ->
    [one] Uno nuevo
    [many] { $count } nuevos
   *[other] { $count } nuevos
}
messages-cached = Se muestra desde este teléfono: puede que no esté actualizado.
case-not-found = Este mensaje aún no está en este teléfono. Vuelva a abrirlo cuando tenga conexión.
case-reservation = Número de confirmación { $number }
case-created = Enviado { $when }
case-expected-next = Próximos pasos
case-number = Caso { $number }
case-reply-due = { $day ->
    [today] Nuestro objetivo es responderle hoy antes de las { $time }.
    [tomorrow] Nuestro objetivo es responderle mañana antes de las { $time }.
    [weekday] Nuestro objetivo es responderle el { $weekday } antes de las { $time }.
   *[date] Nuestro objetivo es responderle antes del { $date }.
}
case-reply-late = { $day ->
    [today] Nuestra respuesta se está retrasando: queríamos responderle hoy antes de las { $time }. Ya nos estamos ocupando.
    [yesterday] Nuestra respuesta se está retrasando: queríamos responderle ayer antes de las { $time }. Ya nos estamos ocupando.
    [weekday] Nuestra respuesta se está retrasando: queríamos responderle el { $weekday } antes de las { $time }. Ya nos estamos ocupando.
   *[date] Nuestra respuesta se está retrasando: queríamos responderle antes del { $date }. Ya nos estamos ocupando.
}
case-info-needed-title = El soporte para partners necesita más información
case-info-needed-body = Responda a continuación para que podamos seguir con su caso.
case-reply = Responder
case-reply-placeholder = Escriba su respuesta
case-reply-send = Enviar respuesta
case-pending = { $count ->
    [one] Un mensaje pendiente de envío en este caso
    [many] { $count } mensajes pendientes de envío en este caso
   *[other] { $count } mensajes pendientes de envío en este caso
}
case-resolved-title = El soporte para partners ha resuelto este caso
case-outcome = Resultado: { $outcome }
case-answer-intro = ¿Este resultado le resuelve el problema?
case-accept = Aceptar el resultado
case-disagree = No estoy de acuerdo
case-disagree-comment = Explíquenos por qué no está de acuerdo
case-disagree-send = Enviar mi desacuerdo
case-mediation-title = Mediación independiente
case-mediation-body = Como partner en el Espacio Económico Europeo, puede pedir que un mediador independiente revise este caso.
case-mediation-request = Solicitar mediación
case-attachments = { $count ->
    [one] Un archivo adjunto
    [many] { $count } archivos adjuntos
   *[other] { $count } archivos adjuntos
}
case-document = Documento { $number } (PDF)
case-photo-close = Cerrar
case-you = Usted
case-support = Soporte para partners

kind-question = Consulta
kind-technical_issue = Problema técnico
kind-complaint = Reclamación

status-queued = Pendiente de envío
status-submitted = Enviado
status-acknowledged = Recibido
status-in_progress = En curso
status-awaiting_partner = Se necesita más información
status-resolved = Resuelto
status-accepted = Aceptado
status-disputed = En desacuerdo
status-mediation = En mediación
status-closed = Cerrado

event-submitted = Ha enviado su mensaje
event-acknowledged = El soporte para partners ha recibido su mensaje
event-update = Novedades del soporte para partners
event-info_requested = El soporte para partners necesita más información
event-reply = Respuesta
event-resolved = Resuelto
event-accepted = Ha aceptado el resultado
event-disputed = Ha mostrado su desacuerdo con el resultado
event-mediation_requested = Mediación solicitada
event-closed = Caso cerrado

## Notifications

notifications-title = Notificaciones
notifications-empty = No hay notificaciones. Cuando el soporte para partners responda, lo verá aquí.
notifications-mark-all = Marcar todas como leídas
notification-unread = No leída
notify-acknowledged = Hemos recibido su mensaje sobre «{ $topic }».
notify-update = Novedades sobre «{ $topic }».
notify-info_requested = Se necesita más información sobre «{ $topic }».
notify-reply = Nueva respuesta sobre «{ $topic }».
notify-resolved = Su caso sobre «{ $topic }» se ha resuelto.
notify-accepted = Se ha aceptado el resultado sobre «{ $topic }».
notify-disputed = Se ha registrado su desacuerdo sobre «{ $topic }».
notify-mediation_requested = Se ha solicitado una mediación sobre «{ $topic }».
notify-closed = Su caso sobre «{ $topic }» se ha cerrado.
notify-submitted = Se ha enviado su mensaje sobre «{ $topic }».

## Settings

settings-title = Configuración
settings-language = Idioma
settings-language-device = Idioma del teléfono
settings-account = Cuenta
settings-account-name = Nombre
settings-account-email = Dirección de correo electrónico
settings-account-properties = { $count ->
    [one] Un alojamiento
    [many] { $count } alojamientos
   *[other] { $count } alojamientos
}
settings-notifications = Notificaciones
settings-push-on = Activadas: este dispositivo le avisa cuando el soporte para partners responde o su caso cambia, también con la aplicación cerrada.
settings-push-off = Desactivadas: verá lo que ha cambiado en sus casos cuando abra la aplicación.
settings-push-turn-on = Activar notificaciones
settings-push-turn-off = Desactivar notificaciones
settings-push-busy = Un momento…
settings-push-blocked = Bloqueadas por el navegador: no permite que este sitio muestre notificaciones.
settings-push-blocked-how = Para permitirlas, abra la configuración del sitio (el icono del candado junto a la dirección), cambie Notificaciones a Permitir y vuelva a cargar la página.
settings-push-unavailable-browser = No disponibles en este navegador. Verá lo que ha cambiado en sus casos cuando abra la aplicación.
settings-push-unavailable-device = No disponibles en este dispositivo. Verá lo que ha cambiado en sus casos cuando abra la aplicación.
settings-push-not-allowed = Las notificaciones siguen desactivadas: el navegador no recibió permiso para mostrarlas.
settings-push-subscribe-failed = Este navegador no ha podido suscribirse a las notificaciones: puede que no tenga servicio push o que no pueda conectarse a él ahora. No se ha cambiado nada.
settings-push-offline = No se puede conectar con el servidor, así que no se ha cambiado nada. Inténtelo de nuevo cuando tenga conexión.
settings-server = Servidor
settings-about = Acerca de
settings-version = Versión { $version }
settings-sign-out = Cerrar sesión
settings-password = Contraseña
settings-change-password = Cambiar la contraseña
password-change-submit = Cambiar la contraseña
password-change-busy = Cambiando…
password-changed = Su contraseña se ha cambiado. Se ha cerrado la sesión en sus otros dispositivos.
settings-sign-out-everywhere = Cerrar sesión en todos los dispositivos
sign-out-everywhere-confirm = ¿Cerrar sesión en todos los dispositivos que usan esta cuenta, también en este? Los borradores y los mensajes pendientes se quedan en este dispositivo para su próximo inicio de sesión.
sign-out-everywhere-yes = Cerrar sesión en todas partes
sign-out-unsent = { $count ->
        [one] Un mensaje o borrador de este teléfono aún no ha llegado al equipo de soporte.
       *[other] { $count } mensajes o borradores de este teléfono aún no han llegado al equipo de soporte.
    } ¿Qué quiere hacer con ellos?
sign-out-send-first = Enviarlos primero y después cerrar sesión
sign-out-keep = Guardarlos para mi próximo inicio de sesión
sign-out-discard = Descartarlos y cerrar sesión
sign-out-stay = Seguir con la sesión iniciada
sign-out-sending = { $count ->
        [one] Enviando un mensaje…
       *[other] Enviando { $count } mensajes…
    } Se cerrará la sesión en cuanto se hayan enviado.

## Times

time-just-now = hace un momento
time-minutes-ago = { $count ->
    [one] hace un minuto
    [many] hace { $count } minutos
   *[other] hace { $count } minutos
}
time-hours-ago = { $count ->
    [one] hace una hora
    [many] hace { $count } horas
   *[other] hace { $count } horas
}
time-yesterday = ayer
time-days-ago = { $count ->
    [one] hace un día
    [many] hace { $count } días
   *[other] hace { $count } días
}
date-time = { $day } { $month } { $year }, { $time }
month-1 = ene
month-2 = feb
month-3 = mar
month-4 = abr
month-5 = may
month-6 = jun
month-7 = jul
month-8 = ago
month-9 = sept
month-10 = oct
month-11 = nov
month-12 = dic
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo

## Errors: the server's codes and the app's own

error-network = No se puede conectar con el servidor. Su mensaje se guarda y se enviará más tarde.
error-unexpected = Algo ha fallado por nuestra parte. Inténtelo de nuevo.
error-invalid_input = Hay algún dato incorrecto en este formulario. Revíselo, por favor.
error-body_empty = Escriba un mensaje.
error-body_too_long = El mensaje es demasiado largo: como máximo, { $max } caracteres.
error-unknown_topic = Elija un tema.
error-unknown_subtopic = Elija un subtema.
error-reservation_ref_invalid = El número de confirmación solo contiene dígitos.
error-unknown_property = Este alojamiento no pertenece a su cuenta.
error-too_many_attachments = Como máximo, { $max } fotos por mensaje.
error-unknown_attachment = No se ha encontrado una foto. Quítela y vuelva a añadirla.
error-attachment_too_large = Este archivo es demasiado grande: como máximo, { $max } MB.
error-unsupported_media_type = Solo se pueden enviar fotos (JPEG, PNG, WebP, HEIC) y archivos PDF.
error-payload_too_large = Es demasiado grande para enviarlo.
error-idempotency_key_missing = La aplicación ha enviado una solicitud incompleta. Inténtelo de nuevo.
error-idempotency_key_invalid = La aplicación ha enviado una solicitud incompleta. Inténtelo de nuevo.
error-idempotency_key_reused = Este mensaje ya se envió con otro contenido.
error-invalid_credentials = La dirección de correo electrónico o la contraseña no son correctas.
error-unauthorized = Su sesión ha caducado. Vuelva a iniciar sesión.
error-forbidden = No tiene permiso para hacer esto.
error-not_found = No se ha encontrado.
error-invalid_transition = Este caso ha cambiado. Actualice e inténtelo de nuevo.
error-mediation_not_available = La mediación está disponible para partners del Espacio Económico Europeo.
error-rate_limited = Demasiados intentos. Espere un momento.
error-internal = Algo ha fallado por nuestra parte. Inténtelo de nuevo.
error-contact_required = Introduzca su nombre y una dirección de correo electrónico válida.
error-email_invalid = Esta dirección de correo electrónico está incompleta. Introduzca su nombre y una dirección de correo electrónico válida.
error-text_invalid = Este texto contiene caracteres que no se pueden enviar. Elimínelos e inténtelo de nuevo.
error-text_too_long = Un nombre o un número de teléfono es demasiado largo. Acórtelo e inténtelo de nuevo.
error-too_many_pending_files = Hay demasiadas fotos esperando a enviarse. Se envían con sus mensajes; inténtelo de nuevo en un minuto.
error-image_unreadable = No se ha podido leer esta foto. Vuelva a hacerla o elija otra.
error-image_too_large = Esta foto es demasiado grande para procesarla. Elija una más pequeña.
error-password_too_short = La contraseña debe tener al menos 8 caracteres.
error-password_too_long = La contraseña puede tener como máximo 128 caracteres.
error-password_common = Esta contraseña es una de las más comunes o filtradas y es fácil de adivinar. Elija otra: unas cuantas palabras que pueda recordar funcionan bien.
error-link_invalid = Este enlace ya no funciona: ya se usó, caducó o se sustituyó por uno más reciente. Solicite uno nuevo.
error-unknown_handler = Esta cuenta no pertenece al soporte para partners.
error-too_many_saved_replies = Ha alcanzado el número máximo de respuestas guardadas. Elimine una antes de añadir otra.
error-push_target_invalid = No se aceptó la dirección de notificaciones de este dispositivo. Inténtelo de nuevo.
error-push_unavailable = Este servidor no envía notificaciones a este tipo de dispositivo.
error-push_target_taken = Las notificaciones de este dispositivo están configuradas para otra cuenta. Cierre la sesión de esa cuenta en este dispositivo e inténtelo de nuevo.
error-file_missing = Una foto de este mensaje ya no está en este teléfono. Edite el mensaje y vuelva a añadirla.
error-on_its_way = Este mensaje ya va camino del equipo de soporte, así que ya no se puede cambiar ni cancelar. Llegará una sola vez.
error-storage = No se ha podido leer ni escribir en el almacenamiento de este teléfono. Inténtelo de nuevo.
error-server_address = Introduzca la dirección del servidor, que debe empezar por http:// o https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Tarifas y disponibilidad
topic-promotions = Promociones
topic-reservations = Reservas
topic-opportunities = Oportunidades
topic-guest_reviews = Comentarios de huéspedes
topic-invoices_commission = Facturas y comisión
topic-payouts = Recepción de pagos
topic-statistics = Estadísticas
topic-property_details = Datos del alojamiento
topic-account = Cuenta
subtopic-rates_availability-rates = Tarifas
subtopic-rates_availability-availability = Disponibilidad
subtopic-rates_availability-restrictions = Restricciones
subtopic-rates_availability-other = Otros
subtopic-promotions-create_promotion = Crear una promoción
subtopic-promotions-promotion_display = Cómo se muestra una promoción
subtopic-promotions-other = Otros
subtopic-reservations-cancellations = Cancelaciones
subtopic-reservations-changes = Cambios
subtopic-reservations-questions = Consultas
subtopic-opportunities-opportunity_centre = Centro de oportunidades
subtopic-opportunities-commercial_advice = Asesoramiento comercial
subtopic-opportunities-other = Otros
subtopic-guest_reviews-guest_comment = Comentario de un huésped
subtopic-guest_reviews-review_reply = Mi respuesta a un comentario
subtopic-guest_reviews-other = Otros
subtopic-invoices_commission-invoices = Facturas
subtopic-invoices_commission-commission = Comisión
subtopic-invoices_commission-other = Otros
subtopic-payouts-payouts = Pagos
subtopic-payouts-payments_service = Servicio de pagos
subtopic-payouts-virtual_cards = Tarjetas virtuales
subtopic-payouts-bank_details = Datos bancarios
subtopic-statistics-analytics = Análisis
subtopic-statistics-performance = Rendimiento
subtopic-statistics-other = Otros
subtopic-property_details-star_rating = Clasificación por estrellas
subtopic-property_details-facilities = Instalaciones
subtopic-property_details-location = Ubicación
subtopic-property_details-other = Otros
subtopic-account-password = Contraseña
subtopic-account-contacts = Contactos
subtopic-account-channel_manager = Gestor de canales
subtopic-account-devices = Dispositivos
subtopic-account-contract_termination = Rescisión del contrato
subtopic-account-other = Otros
