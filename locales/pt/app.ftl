# The app's texts: Portuguese (Brazil). Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.
# CLDR "one" in Portuguese covers 0 and 1, so the one variants show { $count }.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Português
tab-home = Início
tab-messages = Mensagens
tab-notifications = Notificações
tab-more = Mais
nav-back = Voltar
unread-badge = { $count ->
    [one] { $count } notificação não lida
    [many] { $count } notificações não lidas
   *[other] { $count } notificações não lidas
}
line-offline = Você está sem conexão. O que você escrever fica guardado e será enviado quando a conexão voltar.
line-waiting = { $count ->
    [one] { $count } mensagem aguardando envio
    [many] { $count } mensagens aguardando envio
   *[other] { $count } mensagens aguardando envio
}
banner-label = Novidade do suporte para parceiros
loading = Carregando…
elsewhere-body = O Pulse Companion está aberto em outra aba. Usar aqui? A outra aba para, e nada do que você escreveu se perde.
elsewhere-use-here = Usar aqui
fatal-storage = O app não conseguiu abrir o armazenamento neste dispositivo: { $reason }
action-failed = Não deu certo. { $reason }
notice-close = Fechar
read-failed = Não é possível mostrar isto. { $reason }
read-retry = Tentar novamente

## Signing in

sign-in-title = Entrar
sign-in-intro = Entre com sua conta de parceiro para falar com o suporte para parceiros.
sign-in-not-remembered = Este dispositivo não tem um chaveiro que o app possa usar, então a sessão não será lembrada: depois de fechar o app, você precisará entrar novamente.
sign-in-again-intro = Sua sessão expirou. Entre novamente: seus rascunhos e mensagens aguardando envio estão seguros.
sign-in-server = Endereço do servidor
sign-in-email = Endereço de e-mail
sign-in-password = Senha
sign-in-submit = Entrar
sign-in-busy = Entrando…
sign-in-forgot = Esqueceu sua senha?
sign-in-advanced = Avançado: endereço do servidor
sign-in-advanced-hint = Altere isto somente se sua equipe de suporte tiver informado outro endereço.

forgot-title = Recuperar a senha
forgot-intro = Informe o endereço de e-mail da sua conta. Enviaremos um link para você escolher uma nova senha.
forgot-submit = Enviar o link
forgot-busy = Enviando…
forgot-sent = Se houver uma conta com o endereço { $email }, um e-mail com um link para escolher uma nova senha está a caminho. O link funciona por uma hora. Se nada chegar, confira sua pasta de spam.
forgot-back = Voltar para a tela de entrada

password-new = Nova senha
password-rules = No mínimo 8 caracteres, quaisquer que você quiser. Algumas palavras fáceis de lembrar funcionam bem.
password-show = Mostrar senha
password-current = Senha atual
welcome-title = Boas-vindas ao Pulse Companion
welcome-intro = Escolha uma senha para { $email }. Você vai entrar com ela e com seu endereço de e-mail.
reset-title = Escolha uma nova senha
reset-intro = Escolha uma nova senha para { $email }. Todos os dispositivos que usam esta conta serão desconectados.
link-checking = Verificando seu link…
link-submit = Salvar e entrar
link-busy = Salvando…
link-invalid = Este link não funciona mais: ele já foi usado, expirou ou foi substituído por um mais recente. Na tela de entrada, escolha “Esqueceu sua senha?” para receber um novo.
link-other-account = Este link é para { $email }, mas a conta { $current } está conectada neste dispositivo. Saia primeiro e depois abra o link novamente.

## Home

home-greeting = Olá, { $name }
home-intro = Como podemos ajudar você hoje?
home-write = Enviar uma mensagem
home-help = Ajuda e artigos
home-recent = Mensagens recentes
home-see-all = Ver todas as mensagens
home-no-cases = Você ainda não escreveu para o suporte para parceiros.
home-drafts = { $count ->
    [one] Você tem { $count } rascunho não finalizado
    [many] Você tem { $count } rascunhos não finalizados
   *[other] Você tem { $count } rascunhos não finalizados
}

## More

more-title = Mais
more-help = Ajuda
more-drafts = Rascunhos
more-outbox = Aguardando envio
more-settings = Configurações
more-sign-out = Sair

## Help

help-title = Ajuda
help-search = Pesquisar artigos de ajuda
help-search-empty = Nenhum artigo corresponde a “{ $query }”.
help-write = Enviar uma mensagem
help-report-technical = Relatar um problema técnico
help-submit-complaint = Fazer uma reclamação
help-call = Ligar para nós
help-call-note = Para assuntos urgentes, como um hóspede na sua porta sem quarto disponível.
help-call-number = +31 20 794 7000
help-guests-note = Você é hóspede? Use as páginas de ajuda para hóspedes: esta linha é exclusiva para parceiros.
help-articles = Artigos
## Writing a message

compose-title = Enviar uma mensagem
compose-technical-title = Relatar um problema técnico
compose-complaint-title = Fazer uma reclamação
compose-intro = Escolha um tema e conte o que aconteceu. Assim que sua mensagem chegar até nós, você verá até quando pretendemos responder.
compose-technical-intro = Conte o que deu errado. As informações do dispositivo abaixo são enviadas junto com o seu relato.
compose-complaint-intro = Algo não foi tratado como você esperava? Informe quem está fazendo a reclamação, como podemos falar com você e do que se trata.
compose-continue-draft = Continuar seu rascunho não finalizado
compose-topic = Tema
compose-topic-choose = Escolha um tema
compose-subtopic = Subtema
compose-subtopic-choose = Escolha um subtema
compose-reservation = Número de confirmação
compose-reservation-hint = O número de confirmação da reserva, somente dígitos.
compose-property = Propriedade
compose-property-any = Todas as minhas propriedades
compose-message = Mensagem
compose-message-placeholder = Descreva o que aconteceu e do que você precisa.
compose-characters = { $count } / { $max }
compose-photos = Fotos
compose-add-photo = Adicionar foto
compose-photo-alt = Foto { $number }
compose-remove-photo = Remover
compose-send = Enviar
compose-saved = Rascunho salvo neste celular
compose-delete-draft = Excluir rascunho
compose-diagnostics = Informações do dispositivo
compose-diagnostics-note = Essas informações nos ajudam a encontrar o problema e são enviadas junto com o seu relato.
complaint-who = Quem está fazendo a reclamação?
complaint-who-partner = Sou o parceiro (proprietário ou gerente)
complaint-who-staff = Trabalho para o parceiro
complaint-who-representative = Represento o parceiro
complaint-name = Seu nome
complaint-email = Endereço de e-mail
complaint-phone = Telefone (opcional)

diag-app_version = Versão do app
diag-platform = Plataforma
diag-language = Idioma
diag-connection = Conexão
diag-user_agent = Navegador
diag-online = Conectado
diag-offline = Sem conexão
diag-unknown = Ainda não disponível

## After Send

sent-title = Sua mensagem está a caminho
sent-reply-pending = Assim que sua mensagem chegar ao suporte para parceiros, você verá aqui até quando pretendemos responder.
sent-queued = Aguardando conexão
sent-queued-retry = Aguardando conexão ({ $attempts ->
    [one] { $attempts } tentativa
    [many] { $attempts } tentativas
   *[other] { $attempts } tentativas
})
sent-sending = Enviando…
sent-sent = Enviada
sent-failed = Não enviada: { $reason }
sent-stuck = Travado: { $reason } É tentado de novo de tempos em tempos; você também pode tentar agora ou descartá-lo.
sent-gone = Esta mensagem não está mais aguardando envio.
sent-retry = Tentar novamente
sent-edit = Editar
sent-discard = Descartar
sent-cancel = Cancelar o envio
sent-view-case = Ver a mensagem
sent-done = Concluir

## Drafts and the outbox

drafts-title = Rascunhos
drafts-empty = Nenhum rascunho. Tudo o que você começar a escrever fica guardado aqui até ser enviado.
draft-untitled = Rascunho sem tema
draft-edited = Editado { $when }
outbox-title = Aguardando envio
outbox-empty = Nada aguardando envio: tudo o que você enviou chegou ao suporte para parceiros.
outbox-new-case = Nova mensagem
outbox-reply = Resposta
outbox-resolution = Resposta a um resultado
outbox-mediation = Pedido de mediação

## Messages (cases)

messages-title = Mensagens
messages-empty = Nenhuma mensagem ainda. Escreva para nós em Ajuda.
messages-search = Pesquisar nas suas mensagens
messages-no-match = Nenhuma mensagem corresponde a “{ $query }”.
messages-more = Mostrar mensagens anteriores
messages-unread = { $count ->
    [one] { $count } nova
    [many] { $count } novas
   *[other] { $count } novas
}
messages-cached = Exibido a partir deste celular: pode não ser a versão mais recente.
case-not-found = Esta mensagem ainda não está neste celular. Abra-a novamente quando tiver conexão.
case-reservation = Número de confirmação { $number }
case-created = Enviada { $when }
case-expected-next = Próximas etapas
case-number = Caso { $number }
case-reply-due = { $day ->
    [today] Pretendemos responder até hoje às { $time }.
    [tomorrow] Pretendemos responder até amanhã às { $time }.
    [weekday] Pretendemos responder até { $weekday } às { $time }.
   *[date] Pretendemos responder até { $date }.
}
case-reply-late = { $day ->
    [today] Nossa resposta está atrasada: pretendíamos responder até hoje às { $time }. Já estamos cuidando disso.
    [yesterday] Nossa resposta está atrasada: pretendíamos responder até ontem às { $time }. Já estamos cuidando disso.
    [weekday] Nossa resposta está atrasada: pretendíamos responder até { $weekday } às { $time }. Já estamos cuidando disso.
   *[date] Nossa resposta está atrasada: pretendíamos responder até { $date }. Já estamos cuidando disso.
}
case-info-needed-title = O suporte para parceiros precisa de mais informações
case-info-needed-body = Responda abaixo para que possamos dar continuidade ao seu caso.
case-reply = Responder
case-reply-placeholder = Escreva sua resposta
case-reply-send = Enviar resposta
case-pending = { $count ->
    [one] { $count } mensagem aguardando envio neste caso
    [many] { $count } mensagens aguardando envio neste caso
   *[other] { $count } mensagens aguardando envio neste caso
}
case-resolved-title = O suporte para parceiros resolveu este caso
case-outcome = Resultado: { $outcome }
case-answer-intro = Este resultado resolve o seu problema?
case-accept = Aceitar o resultado
case-disagree = Não concordo
case-disagree-comment = Conte por que você não concorda
case-disagree-send = Enviar minha discordância
case-mediation-title = Mediação independente
case-mediation-body = Como parceiro no Espaço Econômico Europeu, você pode pedir que um mediador independente analise este caso.
case-mediation-request = Solicitar mediação
case-attachments = { $count ->
    [one] { $count } anexo
    [many] { $count } anexos
   *[other] { $count } anexos
}
case-document = Documento { $number } (PDF)
case-photo-close = Fechar
case-you = Você
case-support = Suporte para parceiros

kind-question = Dúvida
kind-technical_issue = Problema técnico
kind-complaint = Reclamação

status-queued = Aguardando envio
status-submitted = Enviada
status-acknowledged = Recebida
status-in_progress = Em andamento
status-awaiting_partner = Aguardando mais informações
status-resolved = Resolvida
status-accepted = Resultado aceito
status-disputed = Resultado contestado
status-mediation = Em mediação
status-closed = Encerrada

event-submitted = Você enviou sua mensagem
event-acknowledged = O suporte para parceiros recebeu sua mensagem
event-update = Atualização do suporte para parceiros
event-info_requested = O suporte para parceiros precisa de mais informações
event-reply = Resposta
event-resolved = Caso resolvido
event-accepted = Você aceitou o resultado
event-disputed = Você discordou do resultado
event-mediation_requested = Mediação solicitada
event-closed = Caso encerrado

## Notifications

notifications-title = Notificações
notifications-empty = Nenhuma notificação. Quando o suporte para parceiros responder, você verá aqui.
notifications-mark-all = Marcar todas como lidas
notification-unread = Não lida
notify-acknowledged = Sua mensagem sobre { $topic } foi recebida.
notify-update = Nova atualização sobre { $topic }.
notify-info_requested = Precisamos de mais informações sobre { $topic }.
notify-reply = Nova resposta sobre { $topic }.
notify-resolved = Seu caso sobre { $topic } foi resolvido.
notify-accepted = O resultado sobre { $topic } foi aceito.
notify-disputed = Sua discordância sobre { $topic } foi registrada.
notify-mediation_requested = A mediação sobre { $topic } foi solicitada.
notify-closed = Seu caso sobre { $topic } foi encerrado.
notify-submitted = Sua mensagem sobre { $topic } foi enviada.

## Settings

settings-title = Configurações
settings-language = Idioma
settings-language-device = Idioma do celular
settings-account = Conta
settings-account-name = Nome
settings-account-email = Endereço de e-mail
settings-account-properties = { $count ->
    [one] { $count } propriedade
    [many] { $count } propriedades
   *[other] { $count } propriedades
}
settings-notifications = Notificações
settings-push-on = Ativadas: este dispositivo avisa você quando o suporte para parceiros responde ou seu caso muda, mesmo com o app fechado.
settings-push-off = Desativadas: você vê o que mudou nos seus casos quando abre o app.
settings-push-turn-on = Ativar notificações
settings-push-turn-off = Desativar notificações
settings-push-busy = Um momento…
settings-push-blocked = Bloqueadas pelo navegador: ele não permite que este site mostre notificações.
settings-push-blocked-how = Para permitir, abra as configurações do site (o ícone de cadeado ao lado do endereço), mude Notificações para Permitir e recarregue a página.
settings-push-unavailable-browser = Indisponíveis neste navegador. Você vê o que mudou nos seus casos quando abre o app.
settings-push-unavailable-device = Indisponíveis neste dispositivo. Você vê o que mudou nos seus casos quando abre o app.
settings-push-not-allowed = As notificações continuam desativadas: o navegador não recebeu permissão para mostrá-las.
settings-push-subscribe-failed = Este navegador não conseguiu se inscrever para receber notificações: talvez não tenha um serviço de push ou não consiga alcançá-lo agora. Nada foi alterado.
settings-push-offline = Não foi possível conectar ao servidor, então nada foi alterado. Tente novamente quando estiver online.
settings-server = Servidor
settings-about = Sobre
settings-version = Versão { $version }
settings-sign-out = Sair
settings-password = Senha
settings-change-password = Alterar senha
password-change-submit = Alterar senha
password-change-busy = Alterando…
password-changed = Sua senha foi alterada. Seus outros dispositivos foram desconectados.
settings-sign-out-everywhere = Sair em todos os dispositivos
sign-out-everywhere-confirm = Sair em todos os dispositivos que usam esta conta, incluindo este? Os rascunhos e as mensagens aguardando envio continuam neste dispositivo para o seu próximo acesso.
sign-out-everywhere-yes = Sair em todos
sign-out-unsent = { $count ->
        [one] Uma mensagem ou rascunho neste celular ainda não chegou ao suporte.
       *[other] { $count } mensagens ou rascunhos neste celular ainda não chegaram ao suporte.
    } O que deseja fazer com eles?
sign-out-send-first = Enviar primeiro e depois sair
sign-out-keep = Guardar para o meu próximo acesso
sign-out-discard = Descartar e sair
sign-out-stay = Continuar conectado
sign-out-sending = { $count ->
        [one] Enviando uma mensagem…
       *[other] Enviando { $count } mensagens…
    } Você sairá assim que forem enviadas.

## Times

time-just-now = agora mesmo
time-minutes-ago = { $count ->
    [one] há { $count } minuto
    [many] há { $count } minutos
   *[other] há { $count } minutos
}
time-hours-ago = { $count ->
    [one] há { $count } hora
    [many] há { $count } horas
   *[other] há { $count } horas
}
time-yesterday = ontem
time-days-ago = { $count ->
    [one] há { $count } dia
    [many] há { $count } dias
   *[other] há { $count } dias
}
date-time = { $day } de { $month } de { $year }, { $time }
month-1 = jan.
month-2 = fev.
month-3 = mar.
month-4 = abr.
month-5 = mai.
month-6 = jun.
month-7 = jul.
month-8 = ago.
month-9 = set.
month-10 = out.
month-11 = nov.
month-12 = dez.
weekday-1 = segunda-feira
weekday-2 = terça-feira
weekday-3 = quarta-feira
weekday-4 = quinta-feira
weekday-5 = sexta-feira
weekday-6 = sábado
weekday-7 = domingo

## Errors: the server's codes and the app's own

error-network = Não foi possível conectar ao servidor. Sua mensagem fica guardada e será enviada mais tarde.
error-unexpected = Algo deu errado do nosso lado. Tente novamente.
error-invalid_input = Há algo incorreto neste formulário. Confira os dados.
error-body_empty = Escreva uma mensagem.
error-body_too_long = A mensagem é longa demais: no máximo { $max } caracteres.
error-unknown_topic = Escolha um tema.
error-unknown_subtopic = Escolha um subtema.
error-reservation_ref_invalid = O número de confirmação deve conter somente dígitos.
error-unknown_property = Esta propriedade não está vinculada à sua conta.
error-too_many_attachments = No máximo { $max } fotos por mensagem.
error-unknown_attachment = Não foi possível encontrar uma foto. Remova-a e adicione-a novamente.
error-attachment_too_large = Este arquivo é grande demais: no máximo { $max } MB.
error-unsupported_media_type = Só é possível enviar fotos (JPEG, PNG, WebP, HEIC) e arquivos PDF.
error-payload_too_large = O conteúdo é grande demais para ser enviado.
error-idempotency_key_missing = O app enviou uma solicitação incompleta. Tente novamente.
error-idempotency_key_invalid = O app enviou uma solicitação incompleta. Tente novamente.
error-idempotency_key_reused = Esta mensagem já foi enviada com outro conteúdo.
error-invalid_credentials = O endereço de e-mail ou a senha estão incorretos.
error-unauthorized = Sua sessão expirou. Entre novamente.
error-forbidden = Você não tem permissão para fazer isso.
error-not_found = Não foi possível encontrar o item.
error-invalid_transition = A situação deste caso mudou. Atualize e tente novamente.
error-mediation_not_available = A mediação está disponível para parceiros no Espaço Econômico Europeu.
error-rate_limited = Muitas tentativas. Aguarde um momento.
error-internal = Algo deu errado do nosso lado. Tente novamente.
error-contact_required = Informe seu nome e um endereço de e-mail válido.
error-email_invalid = Este endereço de e-mail está incompleto. Informe seu nome e um endereço de e-mail válido.
error-text_invalid = Este texto contém caracteres que não podem ser enviados. Remova-os e tente novamente.
error-text_too_long = Um nome ou número de telefone é longo demais. Encurte-o e tente novamente.
error-too_many_pending_files = Há fotos demais aguardando envio. Elas vão com suas mensagens; tente novamente em um minuto.
error-image_unreadable = Não foi possível ler esta foto. Tire-a novamente ou escolha outra.
error-image_too_large = Esta foto é grande demais para ser processada. Escolha uma menor.
error-password_too_short = A senha precisa ter pelo menos 8 caracteres.
error-password_too_long = A senha pode ter no máximo 128 caracteres.
error-password_common = Esta senha está entre as mais comuns ou vazadas e é fácil de adivinhar. Escolha outra: algumas palavras fáceis de lembrar funcionam bem.
error-link_invalid = Este link não funciona mais: ele já foi usado, expirou ou foi substituído por um mais recente. Peça um novo.
error-unknown_handler = Esta conta não pertence ao suporte para parceiros.
error-too_many_saved_replies = Você atingiu o número máximo de respostas salvas. Exclua uma antes de adicionar outra.
error-push_target_invalid = O endereço de notificações deste dispositivo não foi aceito. Tente novamente.
error-push_unavailable = Este servidor não envia notificações para este tipo de dispositivo.
error-push_target_taken = As notificações deste dispositivo estão configuradas para outra conta. Saia dessa conta neste dispositivo e tente novamente.
error-file_missing = Uma foto desta mensagem não está mais neste celular. Edite a mensagem e adicione a foto novamente.
error-on_its_way = Esta mensagem já está a caminho do suporte e não pode mais ser alterada nem cancelada. Ela chegará uma única vez.
error-storage = Não foi possível ler ou gravar no armazenamento deste celular. Tente novamente.
error-server_address = Informe o endereço do servidor, começando com http:// ou https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Tarifas e disponibilidade
topic-promotions = Promoções
topic-reservations = Reservas
topic-opportunities = Oportunidades
topic-guest_reviews = Avaliações de hóspedes
topic-invoices_commission = Faturas e comissão
topic-payouts = Recebimento de pagamentos
topic-statistics = Estatísticas
topic-property_details = Detalhes da propriedade
topic-account = Conta
subtopic-rates_availability-rates = Tarifas
subtopic-rates_availability-availability = Disponibilidade
subtopic-rates_availability-restrictions = Restrições
subtopic-rates_availability-other = Outros
subtopic-promotions-create_promotion = Criar uma promoção
subtopic-promotions-promotion_display = Como a promoção é exibida
subtopic-promotions-other = Outros
subtopic-reservations-cancellations = Cancelamentos
subtopic-reservations-changes = Alterações
subtopic-reservations-questions = Dúvidas
subtopic-opportunities-opportunity_centre = Central de Oportunidades
subtopic-opportunities-commercial_advice = Consultoria comercial
subtopic-opportunities-other = Outros
subtopic-guest_reviews-guest_comment = Comentário de um hóspede
subtopic-guest_reviews-review_reply = Minha resposta a uma avaliação
subtopic-guest_reviews-other = Outros
subtopic-invoices_commission-invoices = Faturas
subtopic-invoices_commission-commission = Comissão
subtopic-invoices_commission-other = Outros
subtopic-payouts-payouts = Pagamentos
subtopic-payouts-payments_service = Serviço de pagamentos
subtopic-payouts-virtual_cards = Cartões virtuais
subtopic-payouts-bank_details = Dados bancários
subtopic-statistics-analytics = Análises
subtopic-statistics-performance = Desempenho
subtopic-statistics-other = Outros
subtopic-property_details-star_rating = Classificação por estrelas
subtopic-property_details-facilities = Comodidades
subtopic-property_details-location = Localização
subtopic-property_details-other = Outros
subtopic-account-password = Senha
subtopic-account-contacts = Contatos
subtopic-account-channel_manager = Gerenciador de canais
subtopic-account-devices = Dispositivos
subtopic-account-contract_termination = Rescisão de contrato
subtopic-account-other = Outros
