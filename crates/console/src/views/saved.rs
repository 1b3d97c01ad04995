//! The handler's saved replies: a few templates to insert in one click, with
//! `{partner_name}` standing for the partner's name.

use dioxus::prelude::*;

use crate::i18n::t;
use crate::state::use_console;

#[component]
pub fn SavedRepliesScreen() -> Element {
    let mut console = use_console();
    let mut version = use_signal(|| 0u64);
    let replies = use_resource(move || async move {
        let _ = version();
        let api = console.api()?;
        match api.saved_replies().await {
            Ok(list) => Some(list.replies),
            Err(error) => {
                console.failed(&error);
                None
            }
        }
    });
    let mut title = use_signal(String::new);
    let mut body = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let save = move |e: FormEvent| {
        e.prevent_default();
        let Some(api) = console.api() else { return };
        spawn(async move {
            match api.add_saved_reply(&title(), &body()).await {
                Ok(_) => {
                    title.set(String::new());
                    body.set(String::new());
                    error.set(None);
                    version += 1;
                }
                Err(failure) => {
                    console.failed(&failure);
                    error.set(Some(failure.text()));
                }
            }
        });
    };
    let list = replies.read().clone().flatten().unwrap_or_default();
    rsx! {
        main { class: "saved-screen", "data-testid": "saved-replies-screen",
            h1 { {t("console-saved-replies")} }
            p { class: "hint", {t("console-saved-hint")} }
            ul { class: "saved-list",
                for reply in list {
                    li { key: "{reply.id}", "data-testid": "saved-reply-item",
                        strong { {reply.title.clone()} }
                        p { {reply.body.clone()} }
                        button {
                            class: "quiet",
                            "data-testid": "saved-reply-delete",
                            onclick: move |_| async move {
                                let Some(api) = console.api() else { return };
                                match api.delete_saved_reply(reply.id).await {
                                    Ok(()) => version += 1,
                                    Err(failure) => error.set(Some(failure.text())),
                                }
                            },
                            {t("console-delete")}
                        }
                    }
                }
            }
            form { class: "saved-form", "data-testid": "saved-reply-form", onsubmit: save,
                label { r#for: "saved-title", {t("console-saved-title")} }
                input {
                    id: "saved-title",
                    "data-testid": "saved-reply-title",
                    value: "{title}",
                    maxlength: "100",
                    oninput: move |e| title.set(e.value()),
                }
                label { r#for: "saved-body", {t("console-saved-body")} }
                textarea {
                    id: "saved-body",
                    "data-testid": "saved-reply-body",
                    rows: "5",
                    value: "{body}",
                    oninput: move |e| body.set(e.value()),
                }
                if let Some(error) = error() {
                    p { class: "error", role: "alert", "data-testid": "console-error", {error} }
                }
                button {
                    r#type: "submit",
                    "data-testid": "saved-reply-save",
                    disabled: title().trim().is_empty() || body().trim().is_empty(),
                    {t("console-save")}
                }
            }
        }
    }
}
