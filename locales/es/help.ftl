# Help articles: Spanish.

help-contact = Enviar un mensaje al soporte para partners
    .summary = Escriba al soporte para partners desde la aplicación siempre que tenga una pregunta sobre su alojamiento, una reserva o su cuenta.
    .body = Toque «Más», luego «Ayuda» y, a continuación, el icono del sobre para abrir «Enviarnos un mensaje».
        Elija el tema que mejor se ajuste y después el subtema, y describa con sus propias palabras lo que necesita. Si su consulta trata sobre una reserva, seleccione «Reservas» e indique el número de confirmación para que podamos localizarla enseguida.
        Antes de tocar «Enviar», puede añadir fotos, por ejemplo una captura de pantalla o una imagen que muestre el problema.
        Nuestro objetivo es responder en un plazo de 24 horas, aunque a veces puede tardar un poco más. Nuestra respuesta aparecerá en «Mensajes» y también podrá verla en «Notificaciones».

help-technical = Informar de un problema técnico
    .summary = Avísenos cuando algo de la aplicación o de la plataforma no funcione como debería.
    .body = En «Ayuda», toque «Informar de un problema técnico». La aplicación clasifica el aviso en el tema «Cuenta» y el subtema «Otros», para que llegue al equipo que se ocupa de los problemas técnicos.
        Describa qué ocurrió, qué esperaba que pasara y, aproximadamente, desde cuándo sucede. Una captura de pantalla del mensaje de error, si lo hay, nos resulta de gran ayuda.
        Para facilitar la investigación, la aplicación adjunta algunos datos de su dispositivo, como la versión de la aplicación, la plataforma, el idioma y el estado de la conexión. Antes de enviarlo, verá exactamente qué información se incluye.
        Cuando lo tenga todo, toque «Enviar». Un miembro de nuestro equipo se pondrá en contacto con usted lo antes posible.

help-complaint = Presentar una reclamación
    .summary = Presente una reclamación cuando algo no haya ido bien con nuestra plataforma o nuestros servicios y desee que revisemos el caso formalmente.
    .body = Una reclamación sirve para problemas con la plataforma o con el servicio que ha recibido de nosotros, no para consultas del día a día. Para una consulta, «Enviarnos un mensaje» suele ser la vía más rápida.
        En «Ayuda», toque «Presentar una reclamación». Primero, indique quién presenta la reclamación: usted como partner, una persona que trabaja para el partner o alguien que lo representa.
        A continuación, añada un nombre y una dirección de correo electrónico para que podamos contactarle; el teléfono es opcional.
        Después, elija el tema al que se refiere la reclamación y explique en el mensaje qué ha fallado. Cuantos más detalles aporte, como fechas, números de reserva y lo que ya haya intentado, antes podremos resolverlo.
        Toque «Enviar» para presentar la reclamación. Podrá seguir su evolución en «Mensajes».

help-process = Cómo gestionamos su reclamación
    .summary = Qué ocurre después de presentar una reclamación, desde nuestra primera respuesta hasta el resultado final.
    .body = Primero confirmamos que hemos recibido su reclamación y le explicamos qué puede esperar a continuación. Nuestro objetivo es responder en un plazo de 24 horas.
        Mientras la estudiamos, le iremos informando de los avances, y es posible que un miembro de nuestro equipo le pida más información. Puede responder directamente en «Mensajes».
        Cuando lleguemos a una solución, le comunicaremos el resultado. Puede aceptarlo o indicar que no está de acuerdo y explicar el motivo en un comentario.
        Si es usted partner en el Espacio Económico Europeo (EEE) y sigue sin estar de acuerdo, puede solicitar una mediación. En ese caso, un mediador independiente revisará el asunto.

help-urgent = Asuntos urgentes: llámenos
    .summary = Cuando algo no puede esperar a una respuesta por escrito, lo mejor es llamar al soporte para partners.
    .body = Algunas situaciones requieren una respuesta inmediata, por ejemplo, cuando un huésped con reserva se presenta en su puerta y no hay ninguna habitación disponible.
        En esos casos, no espere la respuesta a un mensaje. Abra «Ayuda» y toque «Llamarnos» para hablar directamente con el soporte para partners.
        Tenga a mano el número de confirmación y los datos de su alojamiento para que podamos ayudarle con rapidez.
        Para todo lo que pueda esperar, «Enviarnos un mensaje» sigue siendo la forma más sencilla de contactar con nosotros.

help-guests = Cómo orientar a los huéspedes
    .summary = Los huéspedes reciben ayuda más rápido en las páginas de ayuda para huéspedes que a través de la línea para partners.
    .body = El soporte para partners existe para ayudarle a usted y a su alojamiento. No podemos atender a los huéspedes que nos contactan por los canales para partners, y eso suele hacer que todo vaya más lento para todos.
        Si un huésped necesita nuestra ayuda, indíquele las páginas de ayuda para huéspedes. Allí podrá gestionar la reserva por su cuenta o contactar con atención al cliente en su idioma por chat, correo electrónico o teléfono.
        No facilite a los huéspedes los datos de contacto que usted utiliza para comunicarse con nosotros, ni nuestro teléfono para partners. Lo más sencillo es pedirles que abran la sección de ayuda de la aplicación o del sitio web en el que reservaron.

help-offline = Escribir sin conexión
    .summary = Puede escribirnos aunque no tenga cobertura, y su mensaje se enviará en cuanto vuelva la conexión.
    .body = Si pierde la conexión mientras escribe, simplemente continúe. Su mensaje se guarda en el teléfono como borrador para que pueda terminarlo más tarde.
        Si toca «Enviar» sin conexión, el mensaje se queda en el teléfono, junto con las fotos que haya añadido, en «Pendientes de envío».
        En cuanto vuelva la conexión, la aplicación lo enviará automáticamente y una sola vez, así que nunca tendrá que volver a enviarlo.
        Cerrar la aplicación no hace que se pierda nada. Sus borradores y mensajes pendientes seguirán ahí cuando vuelva a abrirla, y podrá verlos en «Más», dentro de «Borradores» y «Pendientes de envío».
