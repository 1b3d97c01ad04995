# The app's texts: English. Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = English
tab-home = Home
tab-messages = Messages
tab-notifications = Notifications
tab-more = More
nav-back = Back
unread-badge = { $count ->
    [one] One unread notification
   *[other] { $count } unread notifications
}
line-offline = You are offline. What you write is kept and sent when the connection is back.
line-waiting = { $count ->
    [one] One message waiting to send
   *[other] { $count } messages waiting to send
}
banner-label = New from partner support
loading = Loading…
elsewhere-body = Pulse Companion is open in another tab. Use it here instead? The other tab stops, and nothing you wrote is lost.
elsewhere-use-here = Use it here
fatal-storage = The app could not open its storage on this device: { $reason }
action-failed = That did not work. { $reason }
notice-close = Close
read-failed = This cannot be shown. { $reason }
read-retry = Try again

## Signing in

sign-in-title = Sign in
sign-in-intro = Sign in with your partner account to contact partner support.
sign-in-not-remembered = This device has no keychain the app can use, so the session will not be remembered: after the app is closed, you sign in again.
sign-in-again-intro = Your session has ended. Sign in again: your drafts and waiting messages are safe.
sign-in-server = Server address
sign-in-email = Email address
sign-in-password = Password
sign-in-submit = Sign in
sign-in-busy = Signing in…
sign-in-forgot = Forgot your password?
sign-in-advanced = Advanced: server address
sign-in-advanced-hint = Change this only if your support team gave you another address.

forgot-title = Forgot your password
forgot-intro = Enter the e-mail address of your account. We send you a link to choose a new password.
forgot-submit = Send the link
forgot-busy = Sending…
forgot-sent = If an account uses { $email }, an e-mail with a link to choose a new password is on its way. The link works for one hour. If nothing arrives, look in your spam folder.
forgot-back = Back to sign in

password-new = New password
password-rules = At least 8 characters, any you like. A few words you will remember work well.
password-show = Show password
password-current = Current password
welcome-title = Welcome to Pulse Companion
welcome-intro = Choose a password for { $email }. You sign in with it and your e-mail address.
reset-title = Choose a new password
reset-intro = Choose a new password for { $email }. Every device that uses this account will be signed out.
link-checking = Checking your link…
link-submit = Save and sign in
link-busy = Saving…
link-invalid = This link no longer works: it was used already, it expired, or a newer one replaced it. On the sign-in screen, choose "Forgot your password?" to get a new one.
link-other-account = This link is for { $email }, but { $current } is signed in on this device. Sign out first, then open the link again.

## Home

home-greeting = Hello, { $name }
home-intro = How can we help you today?
home-write = Send us a message
home-help = Help and articles
home-recent = Recent messages
home-see-all = See all messages
home-no-cases = You have not written to partner support yet.
home-drafts = { $count ->
    [one] You have one unfinished draft
   *[other] You have { $count } unfinished drafts
}

## More

more-title = More
more-help = Help
more-drafts = Drafts
more-outbox = Waiting to send
more-settings = Settings
more-sign-out = Sign out

## Help

help-title = Help
help-search = Search help articles
help-search-empty = No article matches “{ $query }”.
help-write = Send us a message
help-report-technical = Report a technical issue
help-submit-complaint = Submit a complaint
help-call = Call us
help-call-note = For urgent matters, such as a guest at your door without a room.
help-call-number = +31 20 794 7000
help-guests-note = Are you a guest? Please use the guest help pages: this line is for partners.
help-articles = Articles
## Writing a message

compose-title = Send us a message
compose-technical-title = Report a technical issue
compose-complaint-title = Submit a complaint
compose-intro = Choose a topic and tell us what happened. Once your message reaches us, you will see by when we aim to reply.
compose-technical-intro = Tell us what went wrong. The device details below are sent with your report.
compose-complaint-intro = Not happy with how something was handled? Tell us who is complaining, how to reach you and what it is about.
compose-continue-draft = Continue your unfinished draft
compose-topic = Topic
compose-topic-choose = Choose a topic
compose-subtopic = Subtopic
compose-subtopic-choose = Choose a subtopic
compose-reservation = Confirmation number
compose-reservation-hint = The booking's confirmation number, digits only.
compose-property = Property
compose-property-any = All my properties
compose-message = Message
compose-message-placeholder = Describe what happened and what you need from us.
compose-characters = { $count } / { $max }
compose-photos = Photos
compose-add-photo = Add a photo
compose-photo-alt = Photo { $number }
compose-remove-photo = Remove
compose-send = Send
compose-saved = Draft saved on this phone
compose-delete-draft = Delete draft
compose-diagnostics = Device details
compose-diagnostics-note = These details help us find the problem. They are sent with your report.
complaint-who = Who is complaining?
complaint-who-partner = I am the partner (owner or manager)
complaint-who-staff = I work for the partner
complaint-who-representative = I represent the partner
complaint-name = Your name
complaint-email = Email address
complaint-phone = Phone number (optional)

diag-app_version = App version
diag-platform = Platform
diag-language = Language
diag-connection = Connection
diag-user_agent = Browser
diag-online = Online
diag-offline = Offline
diag-unknown = Not known yet

## After Send

sent-title = Your message is on its way
sent-reply-pending = As soon as your message reaches partner support, you will see here by when we aim to reply.
sent-queued = Waiting for connection
sent-queued-retry = Waiting for connection (tried { $attempts ->
    [one] once
   *[other] { $attempts } times
})
sent-sending = Sending…
sent-sent = Sent
sent-failed = Not sent: { $reason }
sent-stuck = Stuck: { $reason } It is tried again now and then; you can also try again now or discard it.
sent-gone = This message is no longer waiting to send.
sent-retry = Try again
sent-edit = Edit
sent-discard = Discard
sent-cancel = Cancel sending
sent-view-case = View the message
sent-done = Done

## Drafts and the outbox

drafts-title = Drafts
drafts-empty = No drafts. Anything you start writing is kept here until you send it.
draft-untitled = Draft without a topic
draft-edited = Edited { $when }
outbox-title = Waiting to send
outbox-empty = Nothing is waiting: everything you sent has reached partner support.
outbox-new-case = New message
outbox-reply = Reply
outbox-resolution = Answer to an outcome
outbox-mediation = Request for mediation

## Messages (cases)

messages-title = Messages
messages-empty = No messages yet. Write to us from Help.
messages-search = Search your messages
messages-no-match = No message matches “{ $query }”.
messages-more = Show older messages
messages-unread = { $count ->
    [one] One new
   *[other] { $count } new
}
messages-cached = Shown from this phone: it may not be the latest.
case-not-found = This message is not on this phone yet. Open it again when you are online.
case-reservation = Confirmation number { $number }
case-created = Sent { $when }
case-expected-next = What happens next
case-number = Case { $number }
case-reply-due = { $day ->
    [today] We aim to reply by { $time } today.
    [tomorrow] We aim to reply by { $time } tomorrow.
    [weekday] We aim to reply by { $weekday } { $time }.
   *[date] We aim to reply by { $date }.
}
case-reply-late = { $day ->
    [today] Our reply is late — we aimed to reply by { $time } today. We are on it.
    [yesterday] Our reply is late — we aimed to reply by { $time } yesterday. We are on it.
    [weekday] Our reply is late — we aimed to reply by { $weekday } { $time }. We are on it.
   *[date] Our reply is late — we aimed to reply by { $date }. We are on it.
}
case-info-needed-title = Partner support needs more information
case-info-needed-body = Reply below so we can continue with your case.
case-reply = Reply
case-reply-placeholder = Write your reply
case-reply-send = Send reply
case-pending = { $count ->
    [one] One message waiting to send on this case
   *[other] { $count } messages waiting to send on this case
}
case-resolved-title = Partner support has resolved this case
case-outcome = Outcome: { $outcome }
case-answer-intro = Does this outcome solve the problem for you?
case-accept = Accept the outcome
case-disagree = I disagree
case-disagree-comment = Tell us why you disagree
case-disagree-send = Send my disagreement
case-mediation-title = Independent mediation
case-mediation-body = As a partner in the European Economic Area, you can ask an independent mediator to review this case.
case-mediation-request = Ask for mediation
case-attachments = { $count ->
    [one] One attachment
   *[other] { $count } attachments
}
case-document = Document { $number } (PDF)
case-photo-close = Close
case-you = You
case-support = Partner support

kind-question = Question
kind-technical_issue = Technical issue
kind-complaint = Complaint

status-queued = Waiting to send
status-submitted = Sent
status-acknowledged = Acknowledged
status-in_progress = In progress
status-awaiting_partner = More information needed
status-resolved = Resolved
status-accepted = Accepted
status-disputed = Disagreed
status-mediation = In mediation
status-closed = Closed

event-submitted = You sent your message
event-acknowledged = Partner support received your message
event-update = Update from partner support
event-info_requested = Partner support needs more information
event-reply = Reply
event-resolved = Resolved
event-accepted = You accepted the outcome
event-disputed = You disagreed with the outcome
event-mediation_requested = Mediation requested
event-closed = Case closed

## Notifications

notifications-title = Notifications
notifications-empty = No notifications. When partner support answers, you will see it here.
notifications-mark-all = Mark all as read
notification-unread = Unread
notify-acknowledged = Your message about { $topic } was received.
notify-update = New update on { $topic }.
notify-info_requested = More information is needed on { $topic }.
notify-reply = New reply on { $topic }.
notify-resolved = Your case about { $topic } is resolved.
notify-accepted = The outcome on { $topic } was accepted.
notify-disputed = Your disagreement on { $topic } was recorded.
notify-mediation_requested = Mediation was requested on { $topic }.
notify-closed = Your case about { $topic } is closed.
notify-submitted = Your message about { $topic } was sent.

## Settings

settings-title = Settings
settings-language = Language
settings-language-device = Phone's language
settings-account = Account
settings-account-name = Name
settings-account-email = Email address
settings-account-properties = { $count ->
    [one] One property
   *[other] { $count } properties
}
settings-notifications = Notifications
settings-push-on = On: this device tells you when partner support answers or your case changes, also while the app is closed.
settings-push-off = Off: you see what changed on your cases when you open the app.
settings-push-turn-on = Turn on notifications
settings-push-turn-off = Turn off notifications
settings-push-busy = One moment…
settings-push-blocked = Blocked by the browser: it does not let this site show notifications.
settings-push-blocked-how = To allow them, open the site settings (the lock icon next to the address), set Notifications to Allow, then reload the page.
settings-push-unavailable-browser = Not available in this browser. You see what changed on your cases when you open the app.
settings-push-unavailable-device = Not available on this device. You see what changed on your cases when you open the app.
settings-push-not-allowed = Notifications stay off: the browser was not given permission to show them.
settings-push-subscribe-failed = This browser could not sign up for notifications: it may have no push service, or cannot reach it right now. Nothing was changed.
settings-push-offline = The server cannot be reached, so nothing was changed. Try again when you are online.
settings-server = Server
settings-about = About
settings-version = Version { $version }
settings-sign-out = Sign out
settings-password = Password
settings-change-password = Change password
password-change-submit = Change password
password-change-busy = Changing…
password-changed = Your password is changed. Your other devices are signed out.
settings-sign-out-everywhere = Sign out on all devices
sign-out-everywhere-confirm = Sign out on every device that uses this account, this one too? Drafts and waiting messages stay on this device for your next sign-in.
sign-out-everywhere-yes = Sign out everywhere
sign-out-unsent = { $count ->
        [one] One message or draft on this phone has not reached support yet.
       *[other] { $count } messages or drafts on this phone have not reached support yet.
    } What should happen to them?
sign-out-send-first = Send them first, then sign out
sign-out-keep = Keep them for my next sign-in
sign-out-discard = Discard them and sign out
sign-out-stay = Stay signed in
sign-out-sending = { $count ->
        [one] Sending one message…
       *[other] Sending { $count } messages…
    } You will be signed out as soon as they have gone.

## Times

time-just-now = just now
time-minutes-ago = { $count ->
    [one] a minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] an hour ago
   *[other] { $count } hours ago
}
time-yesterday = yesterday
time-days-ago = { $count ->
    [one] a day ago
   *[other] { $count } days ago
}
date-time = { $day } { $month } { $year }, { $time }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Errors: the server's codes and the app's own

error-network = The server cannot be reached. Your message is kept and sent later.
error-unexpected = Something went wrong on our side. Please try again.
error-invalid_input = Something in this form is not right. Please check it.
error-body_empty = Write a message.
error-body_too_long = The message is too long: at most { $max } characters.
error-unknown_topic = Choose a topic.
error-unknown_subtopic = Choose a subtopic.
error-reservation_ref_invalid = A confirmation number has digits only.
error-unknown_property = This property is not on your account.
error-too_many_attachments = At most { $max } photos per message.
error-unknown_attachment = A photo could not be found. Remove it and add it again.
error-attachment_too_large = This file is too large: at most { $max } MB.
error-unsupported_media_type = Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be sent.
error-payload_too_large = This is too large to send.
error-idempotency_key_missing = The app sent an incomplete request. Please try again.
error-idempotency_key_invalid = The app sent an incomplete request. Please try again.
error-idempotency_key_reused = This message was already sent with different content.
error-invalid_credentials = The email address or password is not right.
error-unauthorized = Your session has ended. Sign in again.
error-forbidden = You are not allowed to do this.
error-not_found = This could not be found.
error-invalid_transition = This case has moved on. Refresh and try again.
error-mediation_not_available = Mediation is available to partners in the European Economic Area.
error-rate_limited = Too many attempts. Please wait a moment.
error-internal = Something went wrong on our side. Please try again.
error-contact_required = Enter your name and a valid email address.
error-email_invalid = This email address is not complete. Enter your name and a valid email address.
error-text_invalid = This text holds characters that cannot be sent. Remove them and try again.
error-text_too_long = A name or phone number is too long. Shorten it and try again.
error-too_many_pending_files = Too many photos are waiting to be sent. They go out with your messages; try again in a minute.
error-image_unreadable = This photo could not be read. Take it again or choose another one.
error-image_too_large = This photo is too large to process. Choose a smaller one.
error-password_too_short = A password needs at least 8 characters.
error-password_too_long = A password can have at most 128 characters.
error-password_common = This password is one of the most common or leaked ones, easy to guess. Choose another: a few words you will remember work well.
error-link_invalid = This link no longer works: it was used already, it expired, or a newer one replaced it. Ask for a new one.
error-unknown_handler = This account does not belong to partner support.
error-too_many_saved_replies = You have reached the maximum number of saved replies. Delete one before adding another.
error-push_target_invalid = This device's address for notifications was not accepted. Please try again.
error-push_unavailable = This server does not send notifications to this kind of device.
error-push_target_taken = Notifications on this device are set up for another account. Sign out of that account on this device, then try again.
error-file_missing = A photo of this message is no longer on this phone. Edit the message and add it again.
error-on_its_way = This message is on its way to support already, so it can no longer be changed or cancelled. It will arrive once.
error-storage = This phone's storage could not be read or written. Please try again.
error-server_address = Enter the server's address, starting with http:// or https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Rates and availability
topic-promotions = Promotions
topic-reservations = Reservations
topic-opportunities = Opportunities
topic-guest_reviews = Guest reviews
topic-invoices_commission = Invoices and commission
topic-payouts = Receiving payouts
topic-statistics = Statistics
topic-property_details = Property details
topic-account = Account
subtopic-rates_availability-rates = Rates
subtopic-rates_availability-availability = Availability
subtopic-rates_availability-restrictions = Restrictions
subtopic-rates_availability-other = Other
subtopic-promotions-create_promotion = Creating a promotion
subtopic-promotions-promotion_display = How a promotion is shown
subtopic-promotions-other = Other
subtopic-reservations-cancellations = Cancellations
subtopic-reservations-changes = Changes
subtopic-reservations-questions = Questions
subtopic-opportunities-opportunity_centre = Opportunity Centre
subtopic-opportunities-commercial_advice = Commercial advice
subtopic-opportunities-other = Other
subtopic-guest_reviews-guest_comment = A guest's comment
subtopic-guest_reviews-review_reply = My reply to a review
subtopic-guest_reviews-other = Other
subtopic-invoices_commission-invoices = Invoices
subtopic-invoices_commission-commission = Commission
subtopic-invoices_commission-other = Other
subtopic-payouts-payouts = Payouts
subtopic-payouts-payments_service = Payments service
subtopic-payouts-virtual_cards = Virtual cards
subtopic-payouts-bank_details = Bank details
subtopic-statistics-analytics = Analytics
subtopic-statistics-performance = Performance
subtopic-statistics-other = Other
subtopic-property_details-star_rating = Star rating
subtopic-property_details-facilities = Facilities
subtopic-property_details-location = Location
subtopic-property_details-other = Other
subtopic-account-password = Password
subtopic-account-contacts = Contacts
subtopic-account-channel_manager = Channel manager
subtopic-account-devices = Devices
subtopic-account-contract_termination = Contract termination
subtopic-account-other = Other
