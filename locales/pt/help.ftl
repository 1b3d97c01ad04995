# Help articles: Portuguese.

help-contact = Enviar uma mensagem ao suporte para parceiros
    .summary = Escreva para o suporte para parceiros direto pelo app sempre que tiver uma dúvida sobre sua propriedade, uma reserva ou sua conta.
    .body = Toque em “Mais”, depois em “Ajuda” e, em seguida, no ícone de envelope para abrir “Enviar uma mensagem”.
        Escolha o tema mais adequado e depois o subtema, e descreva com suas próprias palavras do que você precisa. Se a dúvida for sobre uma reserva, selecione “Reservas” e informe o número de confirmação para que possamos localizá-la imediatamente.
        Antes de tocar em “Enviar”, você pode adicionar fotos, como uma captura de tela ou uma imagem que mostre o problema.
        Nosso objetivo é responder em até 24 horas, embora às vezes possa levar um pouco mais. Nossa resposta aparece em “Mensagens”, e você também pode vê-la em “Notificações”.

help-technical = Relatar um problema técnico
    .summary = Avise-nos quando algo no app ou na plataforma não estiver funcionando como deveria.
    .body = Em “Ajuda”, toque em “Relatar um problema técnico”. O app registra o relato no tema “Conta” e no subtema “Outros”, para que ele chegue à equipe responsável por questões técnicas.
        Descreva o que aconteceu, o que você esperava que acontecesse e, mais ou menos, desde quando o problema ocorre. Uma captura de tela da mensagem de erro, se houver, ajuda muito.
        Para facilitar a análise, o app anexa algumas informações sobre o seu dispositivo, como a versão do app, a plataforma, o idioma e o status da conexão. Antes de enviar, você vê exatamente o que será incluído.
        Quando terminar, toque em “Enviar”. Alguém da nossa equipe entrará em contato com você o mais rápido possível.

help-complaint = Fazer uma reclamação
    .summary = Faça uma reclamação quando algo não tiver corrido bem com nossa plataforma ou nossos serviços e você quiser uma análise formal do caso.
    .body = A reclamação é indicada para problemas com a plataforma ou com o serviço que você recebeu de nós, e não para dúvidas do dia a dia. Para dúvidas, “Enviar uma mensagem” costuma ser o caminho mais rápido.
        Em “Ajuda”, toque em “Fazer uma reclamação”. Primeiro, informe quem está fazendo a reclamação: você, como parceiro, alguém que trabalha para o parceiro ou alguém que o representa.
        Em seguida, preencha um nome e um endereço de e-mail para que possamos falar com você; o telefone é opcional.
        Depois, escolha o tema da reclamação e explique na mensagem o que deu errado. Quanto mais detalhes você fornecer, como datas, números de reserva e o que já tentou fazer, mais rápido poderemos resolver.
        Toque em “Enviar” para registrar a reclamação. Você pode acompanhar o andamento em “Mensagens”.

help-process = Como tratamos sua reclamação
    .summary = O que acontece depois que você faz uma reclamação, da nossa primeira resposta até o resultado final.
    .body = Primeiro, confirmamos o recebimento da sua reclamação e explicamos o que esperar nas próximas etapas. Nosso objetivo é responder em até 24 horas.
        Durante a análise, enviamos atualizações sobre o andamento, e alguém da nossa equipe pode pedir mais informações. Você pode responder diretamente em “Mensagens”.
        Quando chegarmos a uma solução, informaremos o resultado. Você pode aceitá-lo ou dizer que discorda e explicar o motivo em um comentário.
        Para parceiros do Espaço Econômico Europeu (EEE): se você continuar discordando, pode solicitar uma mediação. Nesse caso, um mediador independente analisará o caso.

help-urgent = Assuntos urgentes: ligue para nós
    .summary = Quando algo não pode esperar por uma resposta por escrito, o melhor é ligar para o suporte para parceiros.
    .body = Algumas situações exigem uma resposta imediata, por exemplo, quando um hóspede com reserva chega à sua porta e não há nenhum quarto disponível.
        Nesses casos, não espere pela resposta a uma mensagem. Abra “Ajuda” e toque em “Ligar para nós” para falar diretamente com o suporte para parceiros.
        Tenha em mãos o número de confirmação e os dados da sua propriedade para que possamos ajudar com rapidez.
        Para tudo o que pode esperar, “Enviar uma mensagem” continua sendo a forma mais fácil de falar conosco.

help-guests = Como orientar os hóspedes
    .summary = Os hóspedes recebem ajuda mais rápido pelas páginas de ajuda para hóspedes do que pela linha de atendimento a parceiros.
    .body = O suporte para parceiros existe para ajudar você e a sua propriedade. Não conseguimos atender hóspedes que nos procuram pelos canais de parceiros, e isso costuma deixar tudo mais lento para todos.
        Se um hóspede precisar da nossa ajuda, indique as páginas de ajuda para hóspedes. Lá ele pode gerenciar a própria reserva ou falar com o atendimento ao cliente no seu idioma, por chat, e-mail ou telefone.
        Não passe aos hóspedes os dados de contato que você usa para falar conosco, nem o nosso telefone para parceiros. O mais simples é pedir que abram a seção de ajuda do app ou do site em que fizeram a reserva.

help-offline = Escrever sem conexão
    .summary = Você pode nos escrever mesmo sem sinal, e a mensagem será enviada assim que a conexão voltar.
    .body = Se a conexão cair enquanto você escreve, é só continuar. A mensagem fica salva no celular como rascunho, para você terminar depois.
        Se você tocar em “Enviar” sem conexão, a mensagem fica no celular, junto com as fotos que você adicionou, em “Aguardando envio”.
        Assim que a conexão voltar, o app envia a mensagem automaticamente e uma única vez, então você nunca precisa enviá-la de novo.
        Fechar o app não faz você perder nada. Seus rascunhos e mensagens aguardando envio continuam lá quando você abrir o app de novo, e você pode vê-los em “Mais”, nas seções “Rascunhos” e “Aguardando envio”.
