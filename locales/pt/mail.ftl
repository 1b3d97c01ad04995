# E-mails the server sends, in Portuguese (Brazil): an invitation and a password reset. Plain
# text; the server also makes an HTML part of the same texts. Never put a secret or a case's
# content here. CLDR "one" in Portuguese covers 0 and 1, so the one variants show the number.

mail-greeting = Olá, { $name },
mail-signature = Suporte para parceiros

mail-invitation-subject = Sua conta do Pulse Companion está pronta
mail-invitation-partner = O suporte para parceiros criou uma conta do Pulse Companion para você ({ $email }). Com ela, você pode escrever para o suporte para parceiros pelo celular, enviar fotos e acompanhar cada caso até que ele seja resolvido.
mail-invitation-handler = Você recebeu um convite para trabalhar no Pulse Companion ({ $email }) como atendente de casos, respondendo aos casos dos parceiros.
mail-invitation-action = Escolher sua senha
mail-invitation-expiry = { $days ->
    [one] O link funciona uma única vez, por { $days } dia.
    [many] O link funciona uma única vez, por { $days } dias.
   *[other] O link funciona uma única vez, por { $days } dias.
}
mail-invitation-not-you = Se você não esperava este e-mail, pode ignorá-lo: nenhuma senha é definida até que o link seja usado.

mail-reset-subject = Escolha uma nova senha para o Pulse Companion
mail-reset-body = Alguém pediu para escolher uma nova senha para a conta { $email } do Pulse Companion.
mail-reset-action = Escolher uma nova senha
mail-reset-expiry = { $minutes ->
    [one] O link funciona uma única vez, por { $minutes } minuto. Escolher uma nova senha desconecta todos os dispositivos que usam esta conta.
    [many] O link funciona uma única vez, por { $minutes } minutos. Escolher uma nova senha desconecta todos os dispositivos que usam esta conta.
   *[other] O link funciona uma única vez, por { $minutes } minutos. Escolher uma nova senha desconecta todos os dispositivos que usam esta conta.
}
mail-reset-not-you = Se você não fez esse pedido, pode ignorar este e-mail: sua senha continua a mesma.
