# The app's texts: Arabic (Modern Standard Arabic, right-to-left). Every other language has exactly these ids.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = العربية
tab-home = الرئيسية
tab-messages = الرسائل
tab-notifications = الإشعارات
tab-more = المزيد
nav-back = رجوع
unread-badge = { $count ->
    [zero] لا توجد إشعارات غير مقروءة
    [one] إشعار واحد غير مقروء
    [two] إشعاران غير مقروءين
    [few] { $count } إشعارات غير مقروءة
    [many] { $count } إشعارًا غير مقروء
   *[other] { $count } إشعار غير مقروء
}
line-offline = أنت غير متصل بالإنترنت. سيُحفظ ما تكتبه ويُرسل عند عودة الاتصال.
line-waiting = { $count ->
    [zero] لا توجد رسائل في انتظار الإرسال
    [one] رسالة واحدة في انتظار الإرسال
    [two] رسالتان في انتظار الإرسال
    [few] { $count } رسائل في انتظار الإرسال
    [many] { $count } رسالة في انتظار الإرسال
   *[other] { $count } رسالة في انتظار الإرسال
}
banner-label = جديد من دعم الشركاء
loading = جارٍ التحميل…
elsewhere-body = تطبيق Pulse Companion مفتوح في علامة تبويب أخرى. هل تريد استخدامه هنا بدلًا من ذلك؟ ستتوقف علامة التبويب الأخرى، ولن يضيع أي شيء كتبته.
elsewhere-use-here = استخدمه هنا
fatal-storage = تعذّر على التطبيق فتح مساحة التخزين على هذا الجهاز: { $reason }
action-failed = لم تنجح هذه العملية. { $reason }
notice-close = إغلاق
read-failed = تعذّر عرض هذا المحتوى. { $reason }
read-retry = إعادة المحاولة

## Signing in

sign-in-title = تسجيل الدخول
sign-in-intro = سجّل الدخول بحساب الشريك الخاص بك للتواصل مع دعم الشركاء.
sign-in-not-remembered = لا يحتوي هذا الجهاز على سلسلة مفاتيح يمكن للتطبيق استخدامها، لذا لن يتم تذكر الجلسة: بعد إغلاق التطبيق ستحتاج إلى تسجيل الدخول مرة أخرى.
sign-in-again-intro = انتهت جلستك. سجّل الدخول مرة أخرى، فمسوداتك ورسائلك المنتظرة محفوظة بأمان.
sign-in-server = عنوان الخادم
sign-in-email = عنوان البريد الإلكتروني
sign-in-password = كلمة المرور
sign-in-submit = تسجيل الدخول
sign-in-busy = جارٍ تسجيل الدخول…
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-advanced = إعدادات متقدمة: عنوان الخادم
sign-in-advanced-hint = لا تغيّر هذا العنوان إلا إذا زوّدك فريق الدعم بعنوان آخر.

forgot-title = نسيت كلمة المرور
forgot-intro = أدخل عنوان البريد الإلكتروني لحسابك. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة.
forgot-submit = إرسال الرابط
forgot-busy = جارٍ الإرسال…
forgot-sent = إذا كان هناك حساب يستخدم { $email }، فإن رسالة بريد إلكتروني تتضمن رابطًا لاختيار كلمة مرور جديدة في طريقها إليك. يعمل الرابط لمدة ساعة واحدة. إذا لم يصلك شيء، فابحث في مجلد الرسائل غير المرغوب فيها.
forgot-back = العودة إلى تسجيل الدخول

password-new = كلمة المرور الجديدة
password-rules = 8 أحرف على الأقل، من أي نوع تريده. بضع كلمات يسهل عليك تذكّرها خيار جيد.
password-show = إظهار كلمة المرور
password-current = كلمة المرور الحالية
welcome-title = مرحبًا بك في Pulse Companion
welcome-intro = اختر كلمة مرور للحساب { $email }. ستسجّل الدخول بها وبعنوان بريدك الإلكتروني.
reset-title = اختر كلمة مرور جديدة
reset-intro = اختر كلمة مرور جديدة للحساب { $email }. سيتم تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
link-checking = جارٍ التحقق من الرابط…
link-submit = الحفظ وتسجيل الدخول
link-busy = جارٍ الحفظ…
link-invalid = لم يعد هذا الرابط يعمل: فقد سبق استخدامه، أو انتهت صلاحيته، أو حلّ محله رابط أحدث. في شاشة تسجيل الدخول، اختر «هل نسيت كلمة المرور؟» للحصول على رابط جديد.
link-other-account = هذا الرابط خاص بالحساب { $email }، لكن الحساب { $current } مسجّل الدخول على هذا الجهاز. سجّل الخروج أولًا، ثم افتح الرابط مرة أخرى.

## Home

home-greeting = مرحبًا، { $name }
home-intro = كيف يمكننا مساعدتك اليوم؟
home-write = راسلنا
home-help = المساعدة والمقالات
home-recent = أحدث الرسائل
home-see-all = عرض جميع الرسائل
home-no-cases = لم تراسل دعم الشركاء بعد.
home-drafts = { $count ->
    [zero] ليست لديك مسودات غير مكتملة
    [one] لديك مسودة واحدة غير مكتملة
    [two] لديك مسودتان غير مكتملتين
    [few] لديك { $count } مسودات غير مكتملة
    [many] لديك { $count } مسودة غير مكتملة
   *[other] لديك { $count } مسودة غير مكتملة
}

## More

more-title = المزيد
more-help = المساعدة
more-drafts = المسودات
more-outbox = في انتظار الإرسال
more-settings = الإعدادات
more-sign-out = تسجيل الخروج

## Help

help-title = المساعدة
help-search = ابحث في مقالات المساعدة
help-search-empty = لا توجد مقالات تطابق «{ $query }».
help-write = راسلنا
help-report-technical = الإبلاغ عن مشكلة تقنية
help-submit-complaint = تقديم شكوى
help-call = اتصل بنا
help-call-note = للأمور العاجلة، مثل وصول ضيف إلى بابك دون توفر غرفة له.
help-call-number = +31 20 794 7000
help-guests-note = هل أنت ضيف؟ يُرجى استخدام صفحات المساعدة المخصصة للضيوف، فهذا الخط مخصص للشركاء.
help-articles = المقالات
## Writing a message

compose-title = راسلنا
compose-technical-title = الإبلاغ عن مشكلة تقنية
compose-complaint-title = تقديم شكوى
compose-intro = اختر موضوعًا وأخبرنا بما حدث. بمجرد وصول رسالتك إلينا، سترى الموعد الذي نسعى إلى الرد بحلوله.
compose-technical-intro = أخبرنا بالخلل الذي حدث. تُرسل تفاصيل الجهاز الواردة أدناه مع بلاغك.
compose-complaint-intro = لست راضيًا عن طريقة التعامل مع أمر ما؟ أخبرنا بمقدّم الشكوى، وكيف نتواصل معك، وما موضوعها.
compose-continue-draft = متابعة المسودة غير المكتملة
compose-topic = الموضوع
compose-topic-choose = اختر موضوعًا
compose-subtopic = الموضوع الفرعي
compose-subtopic-choose = اختر موضوعًا فرعيًا
compose-reservation = رقم التأكيد
compose-reservation-hint = رقم تأكيد الحجز، أرقام فقط.
compose-property = المنشأة
compose-property-any = جميع منشآتي
compose-message = الرسالة
compose-message-placeholder = صف ما حدث وما تحتاج إليه منا.
compose-characters = { $count } من { $max }
compose-photos = الصور
compose-add-photo = إضافة صورة
compose-photo-alt = الصورة { $number }
compose-remove-photo = إزالة
compose-send = إرسال
compose-saved = حُفظت المسودة على هذا الهاتف
compose-delete-draft = حذف المسودة
compose-diagnostics = تفاصيل الجهاز
compose-diagnostics-note = تساعدنا هذه التفاصيل على تحديد المشكلة، وتُرسل مع بلاغك.
complaint-who = من مقدّم الشكوى؟
complaint-who-partner = أنا الشريك (المالك أو المدير)
complaint-who-staff = أعمل لدى الشريك
complaint-who-representative = أمثّل الشريك
complaint-name = اسمك
complaint-email = عنوان البريد الإلكتروني
complaint-phone = رقم الهاتف (اختياري)

diag-app_version = إصدار التطبيق
diag-platform = المنصة
diag-language = اللغة
diag-connection = الاتصال
diag-user_agent = المتصفح
diag-online = متصل
diag-offline = غير متصل
diag-unknown = غير معروف بعد

## After Send

sent-title = رسالتك في طريقها إلينا
sent-reply-pending = بمجرد وصول رسالتك إلى دعم الشركاء، سترى هنا الموعد الذي نسعى إلى الرد بحلوله.
sent-queued = في انتظار الاتصال
sent-queued-retry = في انتظار الاتصال ({ $attempts ->
    [zero] لم تتم أي محاولة بعد
    [one] تمت محاولة واحدة
    [two] تمت محاولتان
    [few] تمت { $attempts } محاولات
    [many] تمت { $attempts } محاولة
   *[other] تمت { $attempts } محاولة
})
sent-sending = جارٍ الإرسال…
sent-sent = تم الإرسال
sent-failed = لم يتم الإرسال: { $reason }
sent-stuck = عالق: { $reason } تُعاد المحاولة من حين لآخر؛ يمكنك أيضًا المحاولة الآن أو تجاهله.
sent-gone = لم تعد هذه الرسالة في انتظار الإرسال.
sent-retry = إعادة المحاولة
sent-edit = تعديل
sent-discard = حذف
sent-cancel = إلغاء الإرسال
sent-view-case = عرض الرسالة
sent-done = تم

## Drafts and the outbox

drafts-title = المسودات
drafts-empty = لا توجد مسودات. يُحفظ هنا كل ما تبدأ بكتابته إلى أن ترسله.
draft-untitled = مسودة بلا موضوع
draft-edited = آخر تعديل: { $when }
outbox-title = في انتظار الإرسال
outbox-empty = لا شيء في الانتظار: وصل كل ما أرسلته إلى دعم الشركاء.
outbox-new-case = رسالة جديدة
outbox-reply = رد
outbox-resolution = رد على نتيجة
outbox-mediation = طلب وساطة

## Messages (cases)

messages-title = الرسائل
messages-empty = لا توجد رسائل بعد. راسلنا من «المساعدة».
messages-search = ابحث في رسائلك
messages-no-match = لا توجد رسالة تطابق «{ $query }».
messages-more = عرض الرسائل الأقدم
messages-unread = { $count ->
    [zero] لا رسائل جديدة
    [one] رسالة جديدة واحدة
    [two] رسالتان جديدتان
    [few] { $count } رسائل جديدة
    [many] { $count } رسالة جديدة
   *[other] { $count } رسالة جديدة
}
messages-cached = معروضة من هذا الهاتف، وقد لا تكون الأحدث.
case-not-found = هذه الرسالة غير موجودة على هذا الهاتف بعد. افتحها مرة أخرى عندما تكون متصلًا بالإنترنت.
case-reservation = رقم التأكيد { $number }
case-created = أُرسلت { $when }
case-expected-next = الخطوات التالية
case-number = الحالة { $number }
case-reply-due = { $day ->
    [today] نسعى إلى الرد بحلول الساعة { $time } اليوم.
    [tomorrow] نسعى إلى الرد بحلول الساعة { $time } غدًا.
    [weekday] نسعى إلى الرد بحلول يوم { $weekday } الساعة { $time }.
   *[date] نسعى إلى الرد بحلول { $date }.
}
case-reply-late = { $day ->
    [today] تأخر ردنا: كنا نسعى إلى الرد بحلول الساعة { $time } اليوم. نحن نعمل على ذلك.
    [yesterday] تأخر ردنا: كنا نسعى إلى الرد بحلول الساعة { $time } أمس. نحن نعمل على ذلك.
    [weekday] تأخر ردنا: كنا نسعى إلى الرد بحلول يوم { $weekday } الساعة { $time }. نحن نعمل على ذلك.
   *[date] تأخر ردنا: كنا نسعى إلى الرد بحلول { $date }. نحن نعمل على ذلك.
}
case-info-needed-title = يحتاج دعم الشركاء إلى مزيد من المعلومات
case-info-needed-body = ردّ أدناه حتى نتمكن من متابعة حالتك.
case-reply = الرد
case-reply-placeholder = اكتب ردك
case-reply-send = إرسال الرد
case-pending = { $count ->
    [zero] لا توجد رسائل في انتظار الإرسال لهذه الحالة
    [one] رسالة واحدة في انتظار الإرسال لهذه الحالة
    [two] رسالتان في انتظار الإرسال لهذه الحالة
    [few] { $count } رسائل في انتظار الإرسال لهذه الحالة
    [many] { $count } رسالة في انتظار الإرسال لهذه الحالة
   *[other] { $count } رسالة في انتظار الإرسال لهذه الحالة
}
case-resolved-title = حلّ دعم الشركاء هذه الحالة
case-outcome = النتيجة: { $outcome }
case-answer-intro = هل تحل هذه النتيجة مشكلتك؟
case-accept = قبول النتيجة
case-disagree = لا أوافق
case-disagree-comment = أخبرنا بسبب عدم موافقتك
case-disagree-send = إرسال اعتراضي
case-mediation-title = الوساطة المستقلة
case-mediation-body = بصفتك شريكًا في المنطقة الاقتصادية الأوروبية، يمكنك أن تطلب من وسيط مستقل مراجعة هذه الحالة.
case-mediation-request = طلب الوساطة
case-attachments = { $count ->
    [zero] لا توجد مرفقات
    [one] مرفق واحد
    [two] مرفقان
    [few] { $count } مرفقات
    [many] { $count } مرفقًا
   *[other] { $count } مرفق
}
case-document = المستند { $number } (PDF)
case-photo-close = إغلاق
case-you = أنت
case-support = دعم الشركاء

kind-question = سؤال
kind-technical_issue = مشكلة تقنية
kind-complaint = شكوى

status-queued = في انتظار الإرسال
status-submitted = تم الإرسال
status-acknowledged = تم الاستلام
status-in_progress = قيد المعالجة
status-awaiting_partner = مطلوب مزيد من المعلومات
status-resolved = تم الحل
status-accepted = تم قبول النتيجة
status-disputed = تم الاعتراض على النتيجة
status-mediation = قيد الوساطة
status-closed = مغلقة

event-submitted = أرسلت رسالتك
event-acknowledged = استلم دعم الشركاء رسالتك
event-update = تحديث من دعم الشركاء
event-info_requested = يحتاج دعم الشركاء إلى مزيد من المعلومات
event-reply = رد
event-resolved = تم الحل
event-accepted = قبلت النتيجة
event-disputed = اعترضت على النتيجة
event-mediation_requested = طُلبت الوساطة
event-closed = أُغلقت الحالة

## Notifications

notifications-title = الإشعارات
notifications-empty = لا توجد إشعارات. عندما يرد دعم الشركاء، سترى ذلك هنا.
notifications-mark-all = تحديد الكل كمقروء
notification-unread = غير مقروء
notify-acknowledged = تم استلام رسالتك بشأن { $topic }.
notify-update = تحديث جديد بشأن { $topic }.
notify-info_requested = مطلوب مزيد من المعلومات بشأن { $topic }.
notify-reply = رد جديد بشأن { $topic }.
notify-resolved = تم حل حالتك بشأن { $topic }.
notify-accepted = تم قبول النتيجة بشأن { $topic }.
notify-disputed = تم تسجيل اعتراضك بشأن { $topic }.
notify-mediation_requested = تم طلب الوساطة بشأن { $topic }.
notify-closed = أُغلقت حالتك بشأن { $topic }.
notify-submitted = تم إرسال رسالتك بشأن { $topic }.

## Settings

settings-title = الإعدادات
settings-language = اللغة
settings-language-device = لغة الهاتف
settings-account = الحساب
settings-account-name = الاسم
settings-account-email = عنوان البريد الإلكتروني
settings-account-properties = { $count ->
    [zero] لا توجد منشآت
    [one] منشأة واحدة
    [two] منشأتان
    [few] { $count } منشآت
    [many] { $count } منشأة
   *[other] { $count } منشأة
}
settings-notifications = الإشعارات
settings-push-on = مفعّلة: يُعلمك هذا الجهاز عندما يرد دعم الشركاء أو تتغير حالتك، حتى عندما يكون التطبيق مغلقًا.
settings-push-off = متوقفة: سترى ما تغيّر في حالاتك عندما تفتح التطبيق.
settings-push-turn-on = تفعيل الإشعارات
settings-push-turn-off = إيقاف الإشعارات
settings-push-busy = لحظة من فضلك…
settings-push-blocked = يحظرها المتصفح: فهو لا يسمح لهذا الموقع بعرض الإشعارات.
settings-push-blocked-how = للسماح بها، افتح إعدادات الموقع (رمز القفل بجانب العنوان)، واضبط الإشعارات على «سماح»، ثم أعد تحميل الصفحة.
settings-push-unavailable-browser = غير متاحة في هذا المتصفح. سترى ما تغيّر في حالاتك عندما تفتح التطبيق.
settings-push-unavailable-device = غير متاحة على هذا الجهاز. سترى ما تغيّر في حالاتك عندما تفتح التطبيق.
settings-push-not-allowed = تبقى الإشعارات متوقفة: لم يحصل المتصفح على إذن بعرضها.
settings-push-subscribe-failed = تعذّر على هذا المتصفح الاشتراك في الإشعارات: ربما لا تتوفر لديه خدمة دفع، أو لا يمكنه الوصول إليها الآن. لم يتغير شيء.
settings-push-offline = تعذّر الوصول إلى الخادم، لذا لم يتغير شيء. حاول مرة أخرى عندما تكون متصلًا بالإنترنت.
settings-server = الخادم
settings-about = حول التطبيق
settings-version = الإصدار { $version }
settings-sign-out = تسجيل الخروج
settings-password = كلمة المرور
settings-change-password = تغيير كلمة المرور
password-change-submit = تغيير كلمة المرور
password-change-busy = جارٍ التغيير…
password-changed = تم تغيير كلمة المرور، وتم تسجيل الخروج من أجهزتك الأخرى.
settings-sign-out-everywhere = تسجيل الخروج من كل الأجهزة
sign-out-everywhere-confirm = هل تريد تسجيل الخروج من كل جهاز يستخدم هذا الحساب، بما في ذلك هذا الجهاز؟ ستبقى المسودات والرسائل المنتظرة على هذا الجهاز لتسجيل دخولك القادم.
sign-out-everywhere-yes = تسجيل الخروج من كل مكان
sign-out-unsent = { $count ->
        [one] رسالة أو مسودة واحدة على هذا الهاتف لم تصل إلى الدعم بعد.
       *[other] { $count } من الرسائل أو المسودات على هذا الهاتف لم تصل إلى الدعم بعد.
    } ماذا تريد أن تفعل بها؟
sign-out-send-first = أرسلها أولًا ثم سجّل الخروج
sign-out-keep = احتفظ بها لتسجيل دخولي القادم
sign-out-discard = احذفها وسجّل الخروج
sign-out-stay = البقاء مسجّلًا
sign-out-sending = { $count ->
        [one] جارٍ إرسال رسالة واحدة…
       *[other] جارٍ إرسال { $count } من الرسائل…
    } سيتم تسجيل خروجك فور إرسالها.

## Times

time-just-now = الآن
time-minutes-ago = { $count ->
    [zero] منذ أقل من دقيقة
    [one] منذ دقيقة
    [two] منذ دقيقتين
    [few] منذ { $count } دقائق
    [many] منذ { $count } دقيقة
   *[other] منذ { $count } دقيقة
}
time-hours-ago = { $count ->
    [zero] منذ أقل من ساعة
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $count } ساعات
    [many] منذ { $count } ساعة
   *[other] منذ { $count } ساعة
}
time-yesterday = أمس
time-days-ago = { $count ->
    [zero] اليوم
    [one] منذ يوم
    [two] منذ يومين
    [few] منذ { $count } أيام
    [many] منذ { $count } يومًا
   *[other] منذ { $count } يوم
}
date-time = { $day } { $month } { $year }، { $time }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد

## Errors: the server's codes and the app's own

error-network = تعذّر الوصول إلى الخادم. ستُحفظ رسالتك وتُرسل لاحقًا.
error-unexpected = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.
error-invalid_input = هناك خطأ في هذا النموذج. يُرجى مراجعته.
error-body_empty = اكتب رسالة.
error-body_too_long = الرسالة طويلة جدًا: الحد الأقصى لعدد الأحرف هو { $max }.
error-unknown_topic = اختر موضوعًا.
error-unknown_subtopic = اختر موضوعًا فرعيًا.
error-reservation_ref_invalid = يتكون رقم التأكيد من أرقام فقط.
error-unknown_property = هذه المنشأة غير مرتبطة بحسابك.
error-too_many_attachments = الحد الأقصى لعدد الصور في الرسالة الواحدة هو { $max }.
error-unknown_attachment = تعذّر العثور على إحدى الصور. أزلها ثم أضفها مرة أخرى.
error-attachment_too_large = هذا الملف كبير جدًا: الحد الأقصى للحجم هو { $max } ميغابايت.
error-unsupported_media_type = يمكن إرسال الصور (JPEG وPNG وWebP وHEIC) وملفات PDF فقط.
error-payload_too_large = المحتوى أكبر من أن يُرسل.
error-idempotency_key_missing = أرسل التطبيق طلبًا غير مكتمل. يُرجى المحاولة مرة أخرى.
error-idempotency_key_invalid = أرسل التطبيق طلبًا غير مكتمل. يُرجى المحاولة مرة أخرى.
error-idempotency_key_reused = سبق إرسال هذه الرسالة بمحتوى مختلف.
error-invalid_credentials = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-unauthorized = انتهت جلستك. سجّل الدخول مرة أخرى.
error-forbidden = غير مسموح لك بتنفيذ هذا الإجراء.
error-not_found = تعذّر العثور على العنصر المطلوب.
error-invalid_transition = طرأ تغيير على هذه الحالة. حدّث الصفحة وحاول مرة أخرى.
error-mediation_not_available = الوساطة متاحة للشركاء في المنطقة الاقتصادية الأوروبية.
error-rate_limited = محاولات كثيرة جدًا. يُرجى الانتظار قليلًا.
error-internal = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.
error-contact_required = أدخل اسمك وعنوان بريد إلكتروني صالحًا.
error-email_invalid = عنوان البريد الإلكتروني هذا غير مكتمل. أدخل اسمك وعنوان بريد إلكتروني صالحًا.
error-text_invalid = يحتوي هذا النص على رموز لا يمكن إرسالها. احذفها وحاول مرة أخرى.
error-text_too_long = الاسم أو رقم الهاتف طويل جدًا. اختصره وحاول مرة أخرى.
error-too_many_pending_files = هناك صور كثيرة جدًا في انتظار الإرسال. تُرسل مع رسائلك؛ حاول مرة أخرى بعد دقيقة.
error-image_unreadable = تعذّرت قراءة هذه الصورة. التقطها مرة أخرى أو اختر صورة أخرى.
error-image_too_large = هذه الصورة أكبر من أن تُعالج. اختر صورة أصغر.
error-password_too_short = يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.
error-password_too_long = يمكن أن تتكون كلمة المرور من 128 حرفًا كحد أقصى.
error-password_common = كلمة المرور هذه من أكثر كلمات المرور شيوعًا أو تسريبًا، ويسهل تخمينها. اختر كلمة مرور أخرى: بضع كلمات يسهل عليك تذكّرها خيار جيد.
error-link_invalid = لم يعد هذا الرابط يعمل: فقد سبق استخدامه، أو انتهت صلاحيته، أو حلّ محله رابط أحدث. اطلب رابطًا جديدًا.
error-unknown_handler = هذا الحساب لا ينتمي إلى فريق دعم الشركاء.
error-too_many_saved_replies = لقد بلغت الحد الأقصى لعدد الردود المحفوظة. احذف ردًا قبل إضافة رد جديد.
error-push_target_invalid = لم يُقبل عنوان الإشعارات الخاص بهذا الجهاز. يُرجى المحاولة مرة أخرى.
error-push_unavailable = لا يرسل هذا الخادم إشعارات إلى هذا النوع من الأجهزة.
error-push_target_taken = الإشعارات على هذا الجهاز مُعدّة لحساب آخر. سجّل الخروج من ذلك الحساب على هذا الجهاز، ثم حاول مرة أخرى.
error-file_missing = لم تعد إحدى صور هذه الرسالة موجودة على هذا الهاتف. عدّل الرسالة وأضف الصورة مرة أخرى.
error-on_its_way = هذه الرسالة في طريقها إلى الدعم بالفعل، لذا لم يعد بالإمكان تعديلها أو إلغاؤها. ستصل مرة واحدة فقط.
error-storage = تعذّرت القراءة من مساحة تخزين هذا الهاتف أو الكتابة فيها. يُرجى المحاولة مرة أخرى.
error-server_address = أدخل عنوان الخادم، على أن يبدأ بـ http:// أو https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = الأسعار والتوفر
topic-promotions = العروض الترويجية
topic-reservations = الحجوزات
topic-opportunities = الفرص
topic-guest_reviews = تقييمات الضيوف
topic-invoices_commission = الفواتير والعمولة
topic-payouts = استلام المدفوعات
topic-statistics = الإحصاءات
topic-property_details = تفاصيل المنشأة
topic-account = الحساب
subtopic-rates_availability-rates = الأسعار
subtopic-rates_availability-availability = التوفر
subtopic-rates_availability-restrictions = القيود
subtopic-rates_availability-other = أخرى
subtopic-promotions-create_promotion = إنشاء عرض ترويجي
subtopic-promotions-promotion_display = طريقة ظهور العرض الترويجي
subtopic-promotions-other = أخرى
subtopic-reservations-cancellations = الإلغاءات
subtopic-reservations-changes = التعديلات
subtopic-reservations-questions = الأسئلة
subtopic-opportunities-opportunity_centre = مركز الفرص
subtopic-opportunities-commercial_advice = الاستشارات التجارية
subtopic-opportunities-other = أخرى
subtopic-guest_reviews-guest_comment = تعليق أحد الضيوف
subtopic-guest_reviews-review_reply = ردي على تقييم
subtopic-guest_reviews-other = أخرى
subtopic-invoices_commission-invoices = الفواتير
subtopic-invoices_commission-commission = العمولة
subtopic-invoices_commission-other = أخرى
subtopic-payouts-payouts = المدفوعات
subtopic-payouts-payments_service = خدمة المدفوعات
subtopic-payouts-virtual_cards = البطاقات الافتراضية
subtopic-payouts-bank_details = البيانات المصرفية
subtopic-statistics-analytics = التحليلات
subtopic-statistics-performance = الأداء
subtopic-statistics-other = أخرى
subtopic-property_details-star_rating = التصنيف بالنجوم
subtopic-property_details-facilities = المرافق
subtopic-property_details-location = الموقع
subtopic-property_details-other = أخرى
subtopic-account-password = كلمة المرور
subtopic-account-contacts = جهات الاتصال
subtopic-account-channel_manager = مدير القنوات
subtopic-account-devices = الأجهزة
subtopic-account-contract_termination = إنهاء العقد
subtopic-account-other = أخرى
