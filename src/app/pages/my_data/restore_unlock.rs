//! Opening an encrypted backup on My data: the passcode (or, one tap away, the recovery key) of
//! the device that made it, as it was when the backup was made. The key is derived through the
//! browser's Web Crypto with the parameters stored in the file's keyring, exactly as the lock
//! screen derives it; the storage layer then opens the file and checks everything inside. A
//! wrong passcode or key changes nothing and says so beside the field, keeping what was typed.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::clock::now_ms;
use crate::app::form::{focus_id, Control, Field};
use crate::app::lock::web_crypto;
use crate::storage::backup::{Backup, EncryptedBackup};
use crate::storage::crypto::recovery_key::RecoveryKey;

const PASSCODE_ID: &str = "backup-passcode";
const RECOVERY_ID: &str = "backup-recovery-key";

/// Derives the key from what was typed and opens the backup with it; the error is a kind
/// sentence for beside the field.
async fn open(
    backup: &EncryptedBackup,
    with_recovery: bool,
    typed: &str,
) -> Result<Backup, String> {
    let now = now_ms();
    let keyring = backup.keyring();
    if with_recovery {
        let key = RecoveryKey::parse(typed).map_err(|e| e.to_string())?;
        let wrapping = web_crypto::recovery_wrapping_key(&key, keyring.recovery_salt())
            .await
            .map_err(|e| e.to_string())?;
        backup
            .open_with_recovery_key(&wrapping, now)
            .map_err(|e| e.to_string())
    } else {
        let wrapping = web_crypto::passcode_key(typed, keyring.passcode_kdf())
            .await
            .map_err(|e| e.to_string())?;
        backup
            .open_with_passcode(&wrapping, now)
            .map_err(|e| e.to_string())
    }
}

/// The form that opens an encrypted backup; `on_open` receives the checked backup inside.
#[component]
pub(super) fn OpenEncrypted(
    /// The encrypted backup, its head and keyring already checked.
    backup: Arc<EncryptedBackup>,
    /// Called with the backup inside once it has opened and been checked.
    on_open: Callback<Backup>,
) -> impl IntoView {
    let with_recovery = RwSignal::new(false);
    let passcode = RwSignal::new(String::new());
    let recovery = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let use_recovery = with_recovery.get_untracked();
        let (typed, field) = if use_recovery {
            (recovery.get_untracked(), RECOVERY_ID)
        } else {
            (passcode.get_untracked(), PASSCODE_ID)
        };
        if typed.trim().is_empty() {
            error.set(Some(if use_recovery {
                "Please type the recovery key saved for the device that made this backup.".into()
            } else {
                "Please type the passcode of the device that made this backup.".into()
            }));
            focus_id(field);
            return;
        }
        busy.set(true);
        error.set(None);
        let backup = backup.clone();
        spawn_local(async move {
            let outcome = open(&backup, use_recovery, &typed).await;
            busy.set(false);
            match outcome {
                Ok(opened) => on_open.run(opened),
                Err(problem) => {
                    error.set(Some(problem));
                    focus_id(field);
                }
            }
        });
    };

    let switch = move |_| {
        error.set(None);
        with_recovery.update(|r| *r = !*r);
        focus_id(if with_recovery.get_untracked() {
            RECOVERY_ID
        } else {
            PASSCODE_ID
        });
    };

    view! {
        <form class="restore-unlock" id="restore-unlock" on:submit=submit novalidate>
            <h3>"This backup is encrypted"</h3>
            <p>
                "It was made with the passcode lock on. It opens with the passcode of the device "
                "that made it, or that device's recovery key."
            </p>
            {move || {
                if with_recovery.get() {
                    view! {
                        <Field
                            id=RECOVERY_ID
                            label="Recovery key"
                            value=recovery
                            error=Signal::derive(move || error.get())
                            hint="The 28 letters and numbers you saved when you set up the lock."
                            autocomplete="off"
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <Field
                            id=PASSCODE_ID
                            label="Passcode"
                            value=passcode
                            control=Control::Password
                            error=Signal::derive(move || error.get())
                            autocomplete="current-password"
                        />
                    }
                        .into_any()
                }
            }}
            <p role="status">{move || busy.get().then_some("Opening the backup…")}</p>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    "Open the backup"
                </button>
                <button type="button" on:click=switch>
                    {move || {
                        if with_recovery.get() {
                            "Use the passcode instead"
                        } else {
                            "Use the recovery key instead"
                        }
                    }}
                </button>
            </div>
        </form>
    }
}
