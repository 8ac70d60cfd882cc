//! The "Passcode lock" section of Settings: setting the lock up (passcode, then the recovery key
//! shown once and typed back), locking, auto-lock, and turning it off with the passcode.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::lock_screen::PasscodeField;
use super::{check_new_passcode, LockControl, LockState};
use crate::app::file_out::download_text;
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
    let passcode = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (new, again) = (passcode.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new_passcode(&new, &again) {
            message.set(e);
            return;
        }
        match RecoveryKey::generate() {
            Ok(key) => step.set(Step::Recovery { key, passcode: new }),
            Err(e) => message.set(e.to_string()),
        }
    };
    view! {
        <form class="lock-form" on:submit=submit>
            <p id="passcode-hint" class="hint">
                "At least 8 characters. A longer passphrase protects better: a few words that \
                 mean something to you but that nobody would guess."
            </p>
            <PasscodeField
                id="new-passcode"
                label="New passcode"
                autocomplete="new-password"
                value=passcode
                described_by="passcode-hint"
            />
            <PasscodeField id="repeat-passcode" label="Repeat new passcode" autocomplete="new-password" value=repeat/>
            <p class="status" role="status">{move || message.get()}</p>
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
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let copy_text = text.clone();
    let copy = move |_| {
        message.set(match copy_to_clipboard(&copy_text) {
            Ok(()) => "Copied. Please paste it somewhere safe, away from this device.".into(),
            Err(e) => e,
        })
    };
    let file_text = format!(
        "Peer Study recovery key\n\n{text}\n\nKeep this safe and away from the device. With it, \
         you can open Peer Study if you forget your passcode.\n"
    );
    let download = move |_| {
        message.set(
            match download_text("peer-study-recovery-key.txt", "text/plain", &file_text) {
                Ok(()) => "Downloaded as peer-study-recovery-key.txt.".into(),
                Err(e) => e.to_string(),
            },
        )
    };
    let expected = key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        match RecoveryKey::parse(&typed.get_untracked()) {
            Ok(k) if k == expected => {}
            Ok(_) => {
                message.set("That isn't the recovery key above. Please check each group.".into());
                return;
            }
            Err(e) => {
                message.set(e.to_string());
                return;
            }
        }
        busy.set(true);
        message.set("Turning on the lock and encrypting your notes…".into());
        let (passcode, key) = (passcode.clone(), expected.clone());
        spawn_local(async move {
            // On success the section itself switches to "the lock is on".
            if let Err(e) = lock.turn_on(passcode, key).await {
                message.set(e);
                busy.set(false);
            }
        });
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
            <div class="field">
                <label for="type-recovery-key">"Type your recovery key"</label>
                <input
                    id="type-recovery-key"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby="type-recovery-key-hint"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <p class="hint" id="type-recovery-key-hint">
                    "To be sure you have kept it. Spaces, dashes and capitals don't matter."
                </p>
            </div>
            <p class="status" role="status">{move || message.get()}</p>
            <div class="actions">
                <button type="submit" class="primary">"Turn on passcode lock"</button>
                <button type="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn LockOn() -> impl IntoView {
    let lock = expect_context::<LockControl>();
    let turning_off = RwSignal::new(false);
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let choice = lock.auto_lock();
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set("Checking your passcode…".into());
        let typed = passcode.get_untracked();
        spawn_local(async move {
            if let Err(e) = lock.turn_off(typed).await {
                passcode.set(String::new());
                message.set(e);
                busy.set(false);
            }
        });
    };
    view! {
        <p>
            "The passcode lock is on. Everything you write is encrypted on this device, and \
             Peer Study asks for your passcode when it opens."
        </p>
        <button type="button" on:click=move |_| {
            if let Err(e) = lock.lock_now() {
                message.set(e);
            }
        }>"Lock now"</button>
        <div class="field">
            <label for="auto-lock">"Lock when Peer Study has been out of sight"</label>
            <select
                id="auto-lock"
                on:change=move |ev| lock.set_auto_lock(AutoLock::parse(Some(&event_target_value(&ev))))
            >
                {AutoLock::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.as_str() selected=move || choice.get() == c>
                                {c.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Show
            when=move || turning_off.get()
            fallback=move || view! {
                <button type="button" on:click=move |_| turning_off.set(true)>
                    "Turn off passcode lock"
                </button>
            }
        >
            <form class="lock-form" on:submit=turn_off>
                <p>"Your notes will be stored without encryption again."</p>
                <PasscodeField id="off-passcode" label="Passcode" autocomplete="current-password" value=passcode/>
                <div class="actions">
                    <button type="submit" class="primary">"Turn off"</button>
                    <button type="button" on:click=move |_| turning_off.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
        <p class="status" role="status">{move || message.get()}</p>
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
