# Help articles: English.

help-contact = Send partner support a message
    .summary = Write to partner support from the app whenever you have a question about your property, a reservation or your account.
    .body = Tap “More”, then “Help”, and then tap the envelope icon to open “Send us a message”.
        Pick the topic that fits best, then the subtopic, and describe in your own words what you need. If your question is about a reservation, choose “Reservations” and include the confirmation number so we can find it straight away.
        Before you tap “Send”, you can add photos, such as a screenshot or a picture that shows the problem.
        We aim to reply within 24 hours, although it can sometimes take a little longer. Our reply appears in “Messages”, and you’ll also be told about it in “Notifications”.

help-technical = Report a technical issue
    .summary = Let us know when something in the app or on the platform isn’t working the way it should.
    .body = In “Help”, tap “Report a technical issue”. The app files your report under the topic “Account” and the subtopic “Other”, so it reaches the team that handles technical problems.
        Describe what happened, what you expected to happen instead, and roughly when it started. A screenshot of any error message is a great help.
        To help us investigate, the app adds a few details about your device, such as the app version, the platform, the language and the connection status. You’ll see exactly what is included before you send it.
        Tap “Send” when you’re ready. Someone from our team will get back to you as soon as possible.

help-complaint = Submit a complaint
    .summary = Submit a complaint when something has gone wrong with our platform or our services and you want us to review it formally.
    .body = A complaint is meant for problems with the platform or with the service you’ve had from us, rather than for everyday questions. For a question, “Send us a message” is usually the quicker route.
        In “Help”, tap “Submit a complaint”. First say who is complaining: you as the partner, someone who works for the partner, or someone representing the partner.
        Then tell us how to reach you with a name and an email address; a phone number is optional.
        Next, choose the topic the complaint relates to and explain in the message what went wrong. The more detail you give, such as dates, reservation numbers and what you’ve already tried, the faster we can resolve it.
        Tap “Send” to submit your complaint. You can follow its progress in “Messages”.

help-process = How we handle your complaint
    .summary = What happens after you submit a complaint, from our first reply to the final outcome.
    .body = First, we confirm that we’ve received your complaint and explain what you can expect next. We aim to reply within 24 hours.
        While we look into it, we keep you updated, and someone on our team may ask you for more information. You can reply directly in “Messages”.
        Once we’ve reached a resolution, we tell you the outcome. You can accept it, or let us know you disagree and add a comment explaining why.
        If you’re a partner based in the European Economic Area (EEA) and you still disagree, you can ask for mediation. An independent mediator will then review your case.

help-urgent = Urgent matters: call us
    .summary = When something can’t wait for a written reply, it’s best to call partner support.
    .body = Some situations need an answer right away, for example when a guest with a reservation is standing at your door and there’s no room available.
        In moments like these, don’t wait for a reply to a message. Open “Help” and tap “Call us” to speak to partner support directly.
        Keep the confirmation number and your property details to hand so we can help you quickly.
        For anything that can wait, “Send us a message” is still the easiest way to reach us.

help-guests = Pointing guests to the right help
    .summary = Guests get help fastest through the guest help pages, not through the partner support line.
    .body = Partner support is here to help you and your property. We can’t assist guests who contact us through the partner channels, and it usually makes things slower for everyone.
        If a guest needs our help, point them to the guest help pages. There they can manage their booking themselves or contact customer service in their own language by chat, email or phone.
        Please don’t give guests the contact details you use to reach us, including our phone number for partners. The simplest way is to ask them to open the help section of the app or website they booked with.

help-offline = Writing without a connection
    .summary = You can write to us even without a signal, and your message goes out as soon as the connection is back.
    .body = If you lose your connection while writing, just carry on. Your message is saved on your phone as a draft, so you can finish it later.
        If you tap “Send” without a connection, the message stays on your phone together with any photos, in “Waiting to send”.
        As soon as the connection returns, the app sends it automatically and only once, so you never need to send it again.
        Closing the app doesn’t lose anything. Your drafts and waiting messages are still there when you open it again, and you can find them under “More”, in “Drafts” and “Waiting to send”.
