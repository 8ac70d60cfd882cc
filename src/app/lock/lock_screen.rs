//! The lock screen: all that shows while the passcode lock is on and this tab is locked.
//!
//! It needs nothing from the store (which is not even loaded yet): a passcode field, "Unlock",
//! and "Forgot your passcode?", which takes the recovery key and a new passcode instead.

use leptos::prelude::*;

use super::fields::{NewPasscode, NewPasscodeFields, PasscodeField, RecoveryKeyField, Status};
use super::LockControl;

/// The document title while locked, whatever the address (it names nothing behind the lock).
pub const LOCKED_TITLE: &str = "Locked · Peer Study";

/// The lock screen, in place of the whole app.
#[component]
pub fn LockScreen() -> impl IntoView {
    let forgot = RwSignal::new(false);
    document().set_title(LOCKED_TITLE);
    view! {
        <main id="main" class="page lock-screen">
            <Show when=move || forgot.get() fallback=move || view! { <UnlockForm forgot/> }>
                <RecoverForm forgot/>
            </Show>
        </main>
    }
}

/// Open the notes with the passcode.
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
        <LockForm
            title="Peer Study is locked"
            intro="Your notes are locked on this device. Type your passcode to open them."
            submit
            status
            submit_label="Unlock"
            other_form="Forgot your passcode?"
            forgot
        >
            <PasscodeField id="passcode" label="Passcode" value=passcode/>
        </LockForm>
    }
}

/// Open the notes with the recovery key, choosing a new passcode.
#[component]
fn RecoverForm(forgot: RwSignal<bool>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let recovery = RwSignal::new(String::new());
    let new_passcode = NewPasscode::new();
    let status = Status::new();
    let submit = new_passcode.submit(status, move |new| {
        status.run(
            "Checking your recovery key…",
            move || async move { lock.recover(recovery.get_untracked(), new).await },
            || {},
        );
    });
    view! {
        <LockForm
            title="Use your recovery key"
            intro="Type the recovery key you saved when you set up the lock, then choose a new \
                   passcode."
            submit
            status
            submit_label="Unlock and set new passcode"
            other_form="Back to the passcode"
            forgot
        >
            <RecoveryKeyField
                id="recovery-key"
                label="Recovery key"
                hint="28 letters and numbers. Spaces, dashes and capitals don't matter."
                value=recovery
            />
            <NewPasscodeFields new=new_passcode/>
        </LockForm>
    }
}

/// What both of the lock screen's forms show: a heading, a line on what to do, the form (its
/// fields, what is happening, the button), and a link-like button to the other form.
#[component]
fn LockForm(
    /// The page's heading.
    title: &'static str,
    /// What to do, in a sentence.
    intro: &'static str,
    /// What the form's button does.
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    /// Where the form says what is happening.
    status: Status,
    /// The button's words.
    submit_label: &'static str,
    /// The words of the way to the other form.
    other_form: &'static str,
    /// Whether the recovery form is the one showing; the way to the other form flips it.
    forgot: RwSignal<bool>,
    /// The form's fields.
    children: Children,
) -> impl IntoView {
    view! {
        <h1 class="page-title" tabindex="-1">{title}</h1>
        <p>{intro}</p>
        <form class="lock-form" on:submit=submit>
            {children()}
            {status.view()}
            <button type="submit" class="button primary">{submit_label}</button>
        </form>
        <p>
            <button type="button" class="link-button" on:click=move |_| forgot.update(|f| *f = !*f)>
                {other_form}
            </button>
        </p>
    }
}
