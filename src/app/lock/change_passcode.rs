//! Changing the passcode, in the lock's section of Settings: the current passcode, then the new
//! one twice. Only the keyring changes (the data key is rewrapped); no record is re-encrypted.

use leptos::prelude::*;

use super::fields::{NewPasscode, NewPasscodeFields, PasscodeField, Status};
use super::LockControl;
use crate::app::form::focus_id;

/// The form. `status` is the section's status line; `close` puts the section's buttons back.
#[component]
pub fn ChangePasscode(
    /// Where the section says how it went.
    status: Status,
    /// Closes the form (after a change, or on Cancel).
    close: Callback<()>,
) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let current = RwSignal::new(String::new());
    let new_passcode = NewPasscode::new();
    focus_id("current-passcode");
    let submit = new_passcode.submit(status, move |new| {
        status.run(
            "Checking your current passcode…",
            move || async move {
                lock.change_passcode(current.get_untracked(), new).await?;
                status.say("Your passcode is changed. Use the new one from now on.");
                close.run(());
                Ok(())
            },
            move || current.set(String::new()),
        );
    });
    view! {
        <form class="lock-form" on:submit=submit>
            <PasscodeField id="current-passcode" label="Current passcode" value=current/>
            <NewPasscodeFields new=new_passcode/>
            <div class="actions">
                <button type="submit" class="primary">"Change passcode"</button>
                <button type="button" on:click=move |_| close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
