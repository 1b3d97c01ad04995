# The support console's texts (English, the fallback). The console also reads the app's
# own texts (locales/<code>/app.ftl): topics, subtopics, months and the API's errors.

console-title = Pulse support console
console-sign-in-intro = Sign in with your partner support account.
console-email = Email
console-password = Password
console-sign-in = Sign in
console-sign-out = Sign out
console-not-handler = This account is a partner's. The console is for partner support; partners use the Pulse Companion app.
console-signed-out = Your session has ended. Sign in again.
console-network = The server cannot be reached. Nothing was changed; try again in a moment.
console-unreadable = The server's answer could not be read. Reload the page and try again.
console-moved-on = This case changed meanwhile. Nothing was sent: here it is as it stands now, and what you wrote is still in the box.
console-not-found = This page does not exist.
console-back-to-queue = Back to the queue
console-loading = Loading…
console-live-on = Live
console-live-off = Reconnecting…
console-language = Language
console-saved-replies = Saved replies
console-invite = Invite
console-keys = Keys: j and k move through the queue (or to the next and previous case), Enter opens, / searches, r writes a reply, Ctrl+Enter sends it, Esc goes back to the queue.

console-view-new = New
console-view-overdue = Overdue
console-view-due_soon = Due within 4 hours
console-view-waiting = Waiting on the partner
console-view-mine = Assigned to me
console-view-unassigned = Unassigned
console-view-open = All open
console-view-closed = Closed

console-search = Search by case number, partner, email or text
console-search-short = Type at least 3 characters to search.
console-queue-empty = No cases here.
console-more = Show more
console-unassigned = Unassigned
console-last-activity = Last activity { $when }

console-due-none = No reply due
console-due-in = Reply due in { $span }
console-due-soon = Due soon: { $span } left
console-due-overdue = Overdue by { $span }
console-span-days = { $days } d { $hours } h
console-span-hours = { $hours } h { $minutes } min
console-span-minutes = { $minutes } min

console-status-submitted = New
console-status-acknowledged = Acknowledged
console-status-in_progress = In progress
console-status-awaiting_partner = Waiting on the partner
console-status-resolved = Resolved
console-status-accepted = Accepted
console-status-disputed = Disputed
console-status-mediation = In mediation
console-status-closed = Closed

console-kind-question = Question
console-kind-technical_issue = Technical issue
console-kind-complaint = Complaint

console-partner = Partner
console-name = Name
console-country = Country
console-eea-yes = in the EEA
console-eea-no = outside the EEA
console-property = Property
console-language-written = Wrote in
console-unknown = Not known
console-subject = Subject
console-kind = Kind
console-topic = Topic
console-reservation = Confirmation number
console-opened = Opened
console-expected-next = What happens next
console-contact = Contact details
console-phone = Phone
console-complainant = Complaining as
console-complainant-partner = The partner
console-complainant-staff = Staff of the partner
console-complainant-representative = A representative
console-diagnostics = Diagnostics
console-photos = Photos and files
console-photo = Photo sent by the partner
console-download-pdf = Download PDF ({ $size } KB)
console-close = Close

console-event-submitted = Message from the partner
console-event-acknowledged = Acknowledged
console-event-update = Update
console-event-info_requested = More information requested
console-event-reply = Reply from the partner
console-event-resolved = Resolved
console-event-accepted = Outcome accepted
console-event-disputed = Outcome disputed
console-event-mediation_requested = Mediation requested
console-event-closed = Closed
console-event-note = Internal note
console-event-assigned = Assignment
console-internal = Only support sees this
console-expected-next-was = What happens next: { $text }
console-outcome-was = Outcome: { $text }
console-event-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}

console-assignee = Assigned to
console-take = Take this case
console-assign-to = Assign to
console-nobody = Nobody

console-answer = Answer the partner
console-answer-placeholder = Write to the partner. For an acknowledgement: what happens next. For a resolution: the outcome.
console-insert-saved = Insert:
console-move-acknowledge = Acknowledge
console-move-post_update = Send update
console-move-request_info = Ask for more information
console-move-resolve = Resolve with this outcome
console-move-close = Close the case
console-move-other = Act
console-no-moves = Nothing more can be done on this case.
console-note = Internal note
console-note-hint = Notes are for partner support only: the partner never sees them.
console-add-note = Add note

console-saved-hint = Write { "{" }partner_name{ "}" } where the partner's name goes.
console-saved-title = Title
console-saved-body = Text
console-save = Save
console-delete = Delete

console-invite-hint = The person gets an e-mail in the language chosen here, with a link to choose a password. The link works once, for 7 days; inviting the same address again replaces it.
console-invite-role = Account for
console-invite-role-partner = A partner
console-invite-role-handler = A colleague in partner support
console-invite-country = Country (two letters, e.g. NL)
console-invite-properties = Properties, one per line
console-invite-language = Language of the e-mail and the app
console-invite-send = Send the invitation
console-invite-sent = Invitation sent to { $email }. The link works until { $until }.
