//! The "Passcode lock" section of Settings: setting the lock up (passcode, then the recovery key
//! shown once and typed back), locking, auto-lock, and turning it off with the passcode.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::change_passcode::ChangePasscode;
use super::fields::{NewPasscode, NewPasscodeFields, PasscodeField, RecoveryKeyField, Status};
use super::{LockControl, LockState};
use crate::app::file_out::download_text_saying;
use crate::app::form::{focus_id, Control, Field};
use crate::storage::crypto::auto_lock::AutoLock;
use crate::storage::crypto::recovery_key::RecoveryKey;

/// Where the set-up has got to.
#[derive(Clone, PartialEq)]
enum Step {
    /// Not started: the explanation and "Set up a passcode".
    Idle,
    /// Choosing the passcode.
    Passcode,
    /// The recovery key is shown; the trainee saves it and types it back.
    Recovery { key: RecoveryKey, passcode: String },
}

/// The whole section. Shows nothing where no [`LockControl`] is provided (a settings page
/// mounted on its own in a component test); the app always provides one.
#[component]
pub fn PasscodeLockSection() -> impl IntoView {
    let lock = use_context::<LockControl>()?;
    Some(view! {
        <section class="settings-section" aria-labelledby="passcode-lock-heading">
            <h2 id="passcode-lock-heading">"Passcode lock"</h2>
            {move || match lock.state().get() {
                LockState::Unlocked => view! { <LockOn/> }.into_any(),
                _ => view! { <SetUp/> }.into_any(),
            }}
        </section>
    })
}

#[component]
fn SetUp() -> impl IntoView {
    let step = RwSignal::new(Step::Idle);
    view! {
        {move || match step.get() {
            Step::Idle => view! {
                <p>
                    "A passcode locks Peer Study on this device and encrypts everything you have \
                     written, so someone else using your phone or computer can't read it. It's \
                     up to you: Peer Study works just the same without one."
                </p>
                <button type="button" on:click=move |_| step.set(Step::Passcode)>
                    "Set up a passcode"
                </button>
            }
            .into_any(),
            Step::Passcode => view! { <ChoosePasscode step/> }.into_any(),
            Step::Recovery { key, passcode } => view! { <SaveRecoveryKey key passcode step/> }.into_any(),
        }}
    }
}

#[component]
fn ChoosePasscode(step: RwSignal<Step>) -> impl IntoView {
    let new_passcode = NewPasscode::new();
    let status = Status::new();
    let submit = new_passcode.submit(status, move |new| match RecoveryKey::generate() {
        Ok(key) => step.set(Step::Recovery { key, passcode: new }),
        Err(e) => status.say(e.to_string()),
    });
    view! {
        <form class="lock-form" on:submit=submit>
            <NewPasscodeFields new=new_passcode/>
            {status.view()}
            <div class="actions">
                <button type="submit" class="primary">"Continue"</button>
                <button type="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn SaveRecoveryKey(key: RecoveryKey, passcode: String, step: RwSignal<Step>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let text = key.to_text();
    let typed = RwSignal::new(String::new());
    let status = Status::new();
    let copy_text = text.clone();
    let copy = move |_| {
        status.say(match copy_to_clipboard(&copy_text) {
            Ok(()) => "Copied. Please paste it somewhere safe, away from this device.".into(),
            Err(e) => e,
        })
    };
    let file_text = format!(
        "Peer Study recovery key\n\n{text}\n\nKeep this safe and away from the device. With it, \
         you can open Peer Study if you forget your passcode.\n"
    );
    let download = move |_| {
        status.say(download_text_saying(
            "peer-study-recovery-key.txt",
            "text/plain",
            &file_text,
            "Downloaded as peer-study-recovery-key.txt.",
        ))
    };
    let expected = key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match RecoveryKey::parse(&typed.get_untracked()) {
            Ok(k) if k == expected => {}
            Ok(_) => {
                status.say("That isn't the recovery key above. Please check each group.");
                return;
            }
            Err(e) => {
                status.say(e.to_string());
                return;
            }
        }
        let (passcode, key) = (passcode.clone(), expected.clone());
        // On success the section itself switches to "the lock is on".
        status.run(
            "Turning on the lock and encrypting your notes…",
            move || async move { lock.turn_on(passcode, key).await },
            || {},
        );
    };
    view! {
        <p>
            "This is your recovery key. If you forget your passcode, it is the only other way \
             into your notes. It is shown only this once."
        </p>
        <p class="warning">
            <strong>
                "If you lose both your passcode and this recovery key, no one can recover your \
                 notes: not Peer Study, not your course, not anyone."
            </strong>
        </p>
        <div class="recovery-key-box" role="group" aria-labelledby="recovery-key-heading">
            <h3 id="recovery-key-heading">"Your recovery key"</h3>
            <p class="recovery-key"><code>{text.clone()}</code></p>
            <div class="actions">
                <button type="button" on:click=copy>"Copy"</button>
                <button type="button" on:click=download>"Download"</button>
            </div>
        </div>
        <form class="lock-form" on:submit=submit>
            <RecoveryKeyField
                id="type-recovery-key"
                label="Type your recovery key"
                hint="To be sure you have kept it. Spaces, dashes and capitals don't matter."
                value=typed
            />
            {status.view()}
            <div class="actions">
                <button type="submit" class="primary">"Turn on passcode lock"</button>
                <button type="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
            </div>
        </form>
    }
}

/// Which of the lock's forms is open while it is on (one at a time).
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    ChangePasscode,
    TurnOff,
}

#[component]
fn LockOn() -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let open = RwSignal::new(Open::Nothing);
    let status = Status::new();
    let choice = lock.auto_lock();
    // The drop-down follows the choice, also when another tab changes it.
    let auto_lock = RwSignal::new(choice.get_untracked().as_str());
    Effect::new(move || auto_lock.set(choice.get().as_str()));
    let auto_lock_options = Signal::stored(
        AutoLock::ALL
            .into_iter()
            .map(|c| (c.as_str(), c.label()))
            .collect::<Vec<_>>(),
    );
    // Closing a form puts focus back on the button that opened it.
    let close = Callback::new(move |()| {
        let was = open.get_untracked();
        open.set(Open::Nothing);
        focus_id(if was == Open::TurnOff {
            "turn-off-lock"
        } else {
            "change-passcode"
        });
    });
    view! {
        <p>
            "The passcode lock is on. Everything you write is encrypted on this device, and \
             Peer Study asks for your passcode when it opens."
        </p>
        <button type="button" on:click=move |_| {
            if let Err(e) = lock.lock_now() {
                status.say(e.to_string());
            }
        }>"Lock now"</button>
        <Field
            id="auto-lock"
            label="Lock when Peer Study has been out of sight"
            value=auto_lock
            control=Control::Select(auto_lock_options)
            on_change=Callback::new(move |()| {
                lock.set_auto_lock(AutoLock::parse(Some(&auto_lock.get_untracked())))
            })
        />
        {move || match open.get() {
            Open::Nothing => view! {
                <div class="actions">
                    <button
                        type="button"
                        id="change-passcode"
                        on:click=move |_| open.set(Open::ChangePasscode)
                    >
                        "Change passcode"
                    </button>
                    <button type="button" id="turn-off-lock" on:click=move |_| open.set(Open::TurnOff)>
                        "Turn off passcode lock"
                    </button>
                </div>
            }
            .into_any(),
            Open::ChangePasscode => view! { <ChangePasscode status close/> }.into_any(),
            Open::TurnOff => view! { <TurnOff status close/> }.into_any(),
        }}
        {status.view()}
    }
}

/// Turning the lock off, after giving the passcode again.
#[component]
fn TurnOff(status: Status, close: Callback<()>) -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let passcode = RwSignal::new(String::new());
    focus_id("off-passcode");
    let turn_off = status.passcode_submit(
        passcode,
        "Checking your passcode…",
        move |typed| async move { lock.turn_off(typed).await },
    );
    view! {
        <form class="lock-form" on:submit=turn_off>
            <p>"Your notes will be stored without encryption again."</p>
            <PasscodeField id="off-passcode" label="Passcode" value=passcode/>
            <div class="actions">
                <button type="submit" class="primary">"Turn off"</button>
                <button type="button" on:click=move |_| close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// Copies text with the asynchronous Clipboard API (through js-sys: web-sys marks it unstable).
fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let fail = || {
        "This browser wouldn't copy it. Please select the key and copy it, or use \
                   Download."
            .to_string()
    };
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or_else(fail)?;
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(fail)?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .map(|_| ())
        .map_err(|_| fail())
}
