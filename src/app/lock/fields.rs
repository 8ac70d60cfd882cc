//! What the lock's forms share, built from the one form kit: the passcode fields, the recovery
//! key's field, and the status line that says how a slow step (deriving a key takes a moment on
//! a phone) is going.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{check_new_passcode, LockProblem};
use crate::app::form::{Control, Field, StatusLine};

/// The passcode the lock already has: "Passcode" on the lock screen and when turning the lock
/// off, "Current passcode" when changing it.
#[component]
pub fn PasscodeField(
    /// The input's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// What has been typed.
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <Field id label value control=Control::Password autocomplete="current-password"/>
    }
}

/// A new passcode and its repeat, as typed.
#[derive(Clone, Copy)]
pub struct NewPasscode {
    passcode: RwSignal<String>,
    repeat: RwSignal<String>,
}

impl NewPasscode {
    /// Nothing typed yet.
    pub fn new() -> Self {
        NewPasscode {
            passcode: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
        }
    }

    /// The new passcode, if it can be used; if not, `status` says what to change.
    fn checked(self, status: Status) -> Option<String> {
        let new = self.passcode.get_untracked();
        match check_new_passcode(&new, &self.repeat.get_untracked()) {
            Ok(()) => Some(new),
            Err(why) => {
                status.say(why.to_string());
                None
            }
        }
    }

    /// A form's submit handler that gives the new passcode to `then`, if it can be used (if not,
    /// `status` says what to change).
    pub fn submit(
        self,
        status: Status,
        then: impl Fn(String) + 'static,
    ) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
        move |ev| {
            ev.prevent_default();
            if let Some(new) = self.checked(status) {
                then(new);
            }
        }
    }
}

impl Default for NewPasscode {
    fn default() -> Self {
        Self::new()
    }
}

/// The fields of a [`NewPasscode`] ("New passcode", "Repeat new passcode"), with the hint that a
/// longer passphrase protects better.
#[component]
pub fn NewPasscodeFields(
    /// What is typed.
    new: NewPasscode,
) -> impl IntoView {
    view! {
        <Field
            id="new-passcode"
            label="New passcode"
            value=new.passcode
            control=Control::Password
            autocomplete="new-password"
            hint="At least 8 characters. A longer passphrase protects better: a few words that \
                  mean something to you but that nobody would guess."
        />
        <Field
            id="repeat-passcode"
            label="Repeat new passcode"
            value=new.repeat
            control=Control::Password
            autocomplete="new-password"
        />
    }
}

/// The recovery key typed in: to unlock without the passcode, or to prove it was kept.
#[component]
pub fn RecoveryKeyField(
    /// The input's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// Why it is asked for, read with the field.
    hint: &'static str,
    /// What has been typed.
    value: RwSignal<String>,
) -> impl IntoView {
    view! { <Field id label value control=Control::Code hint/> }
}

/// A lock form's status line, and whether its slow step is running.
#[derive(Clone, Copy)]
pub struct Status {
    /// What the status line says.
    pub message: RwSignal<String>,
    busy: RwSignal<bool>,
}

impl Status {
    /// An empty status line, nothing running.
    pub fn new() -> Self {
        Status {
            message: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
        }
    }

    /// Says `words` in the status line.
    pub fn say(self, words: impl Into<String>) {
        self.message.set(words.into());
    }

    /// Runs a slow step: presses while it runs are ignored, `working` shows meanwhile, and a
    /// failure says why, after `failed` (which clears what should not stay typed). Either way
    /// another try may follow; on success the step itself says so or changes what shows.
    pub fn run<F>(
        self,
        working: &'static str,
        step: impl FnOnce() -> F,
        failed: impl FnOnce() + 'static,
    ) where
        F: Future<Output = Result<(), LockProblem>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.say(working);
        let step = step();
        spawn_local(async move {
            if let Err(why) = step.await {
                failed();
                self.say(why.to_string());
            }
            // `try_set`: a step that worked may have replaced the form, and this line with it.
            let _ = self.busy.try_set(false);
        });
    }

    /// A form's submit handler that checks the passcode typed in `passcode` with `step`
    /// (`working` shows meanwhile), and clears the field if it didn't do.
    pub fn passcode_submit<S, F>(
        self,
        passcode: RwSignal<String>,
        working: &'static str,
        step: S,
    ) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static
    where
        S: Fn(String) -> F + Copy + 'static,
        F: Future<Output = Result<(), LockProblem>> + 'static,
    {
        move |ev| {
            ev.prevent_default();
            self.run(
                working,
                move || step(passcode.get_untracked()),
                move || passcode.set(String::new()),
            );
        }
    }

    /// The status line itself, heard by screen readers as it changes.
    pub fn view(self) -> impl IntoView {
        view! { <StatusLine text=self.message/> }
    }
}

impl Default for Status {
    fn default() -> Self {
        Self::new()
    }
}
