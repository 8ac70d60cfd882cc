//! The lock screen: all that shows while the passcode lock is on and this tab is locked.
//!
//! It needs nothing from the store (which is not even loaded yet): a passcode field, "Unlock",
//! and "Forgot your passcode?", which takes the recovery key and a new passcode instead.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{check_new_passcode, LockControl};

/// The lock screen, in place of the whole app.
#[component]
pub fn LockScreen() -> impl IntoView {
    let forgot = RwSignal::new(false);
    document().set_title("Locked · Peer Study");
    view! {
        <main id="main" class="page lock-screen">
            <Show when=move || forgot.get() fallback=move || view! { <UnlockForm forgot/> }>
                <RecoverForm forgot/>
            </Show>
        </main>
    }
}

/// A password field with its label, filled into `value`.
#[component]
pub fn PasscodeField(
    /// The input's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// The browser's autofill hint: "current-password" or "new-password".
    autocomplete: &'static str,
    /// What has been typed.
    value: RwSignal<String>,
    /// The id of a hint to read with the field, if any.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="password"
                autocomplete=autocomplete
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn UnlockForm(forgot: RwSignal<bool>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set("Checking your passcode…".into());
        let typed = passcode.get_untracked();
        spawn_local(async move {
            match lock.unlock(typed).await {
                Ok(()) => {}
                Err(e) => {
                    passcode.set(String::new());
                    message.set(e);
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <h1 class="page-title" tabindex="-1">"Peer Study is locked"</h1>
        <p>"Your notes are locked on this device. Type your passcode to open them."</p>
        <form class="lock-form" on:submit=submit>
            <PasscodeField id="passcode" label="Passcode" autocomplete="current-password" value=passcode/>
            <p class="status" role="status">{move || message.get()}</p>
            <button type="submit" class="primary">"Unlock"</button>
        </form>
        <p>
            <button type="button" class="link-button" on:click=move |_| forgot.set(true)>
                "Forgot your passcode?"
            </button>
        </p>
    }
}

#[component]
fn RecoverForm(forgot: RwSignal<bool>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let recovery = RwSignal::new(String::new());
    let passcode = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (new, again) = (passcode.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new_passcode(&new, &again) {
            message.set(e);
            return;
        }
        busy.set(true);
        message.set("Checking your recovery key…".into());
        let typed = recovery.get_untracked();
        spawn_local(async move {
            if let Err(e) = lock.recover(typed, new).await {
                message.set(e);
                busy.set(false);
            }
        });
    };
    view! {
        <h1 class="page-title" tabindex="-1">"Use your recovery key"</h1>
        <p>
            "Type the recovery key you saved when you set up the lock, then choose a new passcode."
        </p>
        <form class="lock-form" on:submit=submit>
            <div class="field">
                <label for="recovery-key">"Recovery key"</label>
                <input
                    id="recovery-key"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby="recovery-key-hint"
                    prop:value=move || recovery.get()
                    on:input=move |ev| recovery.set(event_target_value(&ev))
                />
                <p class="hint" id="recovery-key-hint">
                    "28 letters and numbers. Spaces, dashes and capitals don't matter."
                </p>
            </div>
            <PasscodeField id="new-passcode" label="New passcode" autocomplete="new-password" value=passcode/>
            <PasscodeField id="repeat-passcode" label="Repeat new passcode" autocomplete="new-password" value=repeat/>
            <p class="status" role="status">{move || message.get()}</p>
            <button type="submit" class="primary">"Unlock and set new passcode"</button>
        </form>
        <p>
            <button type="button" class="link-button" on:click=move |_| forgot.set(false)>
                "Back to the passcode"
            </button>
        </p>
    }
}
