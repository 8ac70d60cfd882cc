//! The lock screen: all that shows while the passcode lock is on and this tab is locked.
//!
//! It needs nothing from the store (which is not even loaded yet): a passcode field, "Unlock",
//! and "Forgot your passcode?", which takes the recovery key and a new passcode instead.

use leptos::prelude::*;

use super::fields::{NewPasscode, NewPasscodeFields, PasscodeField, RecoveryKeyField, Status};
use super::LockControl;

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

#[component]
fn UnlockForm(forgot: RwSignal<bool>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let passcode = RwSignal::new(String::new());
    let status = Status::new();
    let submit = status.passcode_submit(
        passcode,
        "Checking your passcode…",
        move |typed| async move { lock.unlock(typed).await },
    );
    view! {
        <h1 class="page-title" tabindex="-1">"Peer Study is locked"</h1>
        <p>"Your notes are locked on this device. Type your passcode to open them."</p>
        <form class="lock-form" on:submit=submit>
            <PasscodeField id="passcode" label="Passcode" value=passcode/>
            {status.view()}
            <button type="submit" class="button primary">"Unlock"</button>
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
    let new_passcode = NewPasscode::new();
    let status = Status::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(new) = new_passcode.checked(status) else {
            return;
        };
        status.run(
            "Checking your recovery key…",
            move || async move { lock.recover(recovery.get_untracked(), new).await },
            || {},
        );
    };
    view! {
        <h1 class="page-title" tabindex="-1">"Use your recovery key"</h1>
        <p>
            "Type the recovery key you saved when you set up the lock, then choose a new passcode."
        </p>
        <form class="lock-form" on:submit=submit>
            <RecoveryKeyField
                id="recovery-key"
                label="Recovery key"
                hint="28 letters and numbers. Spaces, dashes and capitals don't matter."
                value=recovery
            />
            <NewPasscodeFields new=new_passcode/>
            {status.view()}
            <button type="submit" class="button primary">"Unlock and set new passcode"</button>
        </form>
        <p>
            <button type="button" class="link-button" on:click=move |_| forgot.set(false)>
                "Back to the passcode"
            </button>
        </p>
    }
}
