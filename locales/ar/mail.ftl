# E-mails the server sends, in Arabic (Modern Standard Arabic): an invitation and a password
# reset. Plain text; the server also makes an HTML part of the same texts. Never put a secret
# or a case's content here. Arabic CLDR plural categories: zero, one, two, few, many, other.

mail-greeting = مرحبًا { $name }،
mail-signature = دعم الشركاء

mail-invitation-subject = حسابك على Pulse Companion جاهز
mail-invitation-partner = أنشأ دعم الشركاء حسابًا لك على Pulse Companion ({ $email }). يمكنك من خلاله مراسلة دعم الشركاء من هاتفك، وإرسال الصور، ومتابعة كل حالة حتى تُحل.
mail-invitation-handler = ندعوك إلى العمل على معالجة الحالات في Pulse Companion ({ $email })، والرد على حالات الشركاء.
mail-invitation-action = اختر كلمة المرور
mail-invitation-expiry = { $days ->
    [zero] يعمل الرابط مرة واحدة فقط، لمدة { $days } يوم.
    [one] يعمل الرابط مرة واحدة فقط، لمدة يوم واحد.
    [two] يعمل الرابط مرة واحدة فقط، لمدة يومين.
    [few] يعمل الرابط مرة واحدة فقط، لمدة { $days } أيام.
    [many] يعمل الرابط مرة واحدة فقط، لمدة { $days } يومًا.
   *[other] يعمل الرابط مرة واحدة فقط، لمدة { $days } يوم.
}
mail-invitation-not-you = إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها: لن تُعيَّن أي كلمة مرور حتى يُستخدم الرابط.

mail-reset-subject = اختر كلمة مرور جديدة لـ Pulse Companion
mail-reset-body = طلب أحدهم اختيار كلمة مرور جديدة للحساب { $email } على Pulse Companion.
mail-reset-action = اختر كلمة مرور جديدة
mail-reset-expiry = { $minutes ->
    [zero] يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقيقة. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
    [one] يعمل الرابط مرة واحدة فقط، لمدة دقيقة واحدة. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
    [two] يعمل الرابط مرة واحدة فقط، لمدة دقيقتين. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
    [few] يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقائق. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
    [many] يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقيقة. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
   *[other] يعمل الرابط مرة واحدة فقط، لمدة { $minutes } دقيقة. يؤدي اختيار كلمة مرور جديدة إلى تسجيل الخروج من كل جهاز يستخدم هذا الحساب.
}
mail-reset-not-you = إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة: ستبقى كلمة المرور الخاصة بك كما هي.
