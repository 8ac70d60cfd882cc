//! "Send to my other device" on My data: makes the backup (encrypted while the passcode lock is
//! on, see [`backup_file`](crate::app::backup_file)) and hands it to the system share sheet where the
//! browser can share this file (`navigator.canShare({files})`, mostly phones), so it can go by
//! AirDrop, Nearby Share, a message to oneself...; anywhere else it downloads the file. Two lines
//! say how to open it on the other device.
//!
//! Nothing is sent by Peer Study itself: the share sheet and the downloads are the browser's, and
//! where the file goes is the trainee's choice.

use leptos::prelude::*;
use wasm_bindgen_futures::spawn_local;

use crate::app::backup_file::{make_backup, saved_words, BackupFile};
use crate::app::file_out::{download, share, FileOutError, ShareOutcome};
use crate::app::lock::LockControl;
use crate::app::notices::backup_made;
use crate::app::page::Card;
use crate::app::records::Records;
use crate::domain::export::ExportedFile;

/// What to say once the file has gone to the share sheet or the downloads.
fn sent_words(file: &BackupFile, shared: bool) -> String {
    let unlock = if file.encrypted {
        " It will ask for this device's passcode or recovery key."
    } else {
        ""
    };
    if shared {
        format!(
            "Sent {}. On your other device, restore from it as below.{unlock}",
            file.name
        )
    } else {
        format!(
            "{} Move it to your other device (a message or email to yourself, a cable or a \
             shared folder), then restore from it as below.{unlock}",
            saved_words(file)
        )
    }
}

/// The "Send to my other device" card.
#[component]
pub(super) fn SendToDevice() -> impl IntoView {
    let records = expect_context::<Records>();
    let lock = use_context::<LockControl>();
    let (message, set_message) = signal(String::new());

    // The share sheet answers later, outside this component's reactive owner, where the app's
    // context (and so "Last backup" on this page) can't be found; the owner is carried along.
    let owner = Owner::current();

    // The share sheet needs the tap itself, so the file is made and shared in the same turn.
    let send = move |_| {
        let file = match make_backup(records, lock) {
            Ok(file) => file,
            Err(problem) => return set_message.set(problem),
        };
        let exported = ExportedFile {
            filename: file.name.clone(),
            mime_type: "application/json",
            bytes: file.text.as_bytes().to_vec(),
        };
        match share(&exported, "Peer Study backup") {
            Ok(done) => {
                let owner = owner.clone();
                spawn_local(async move {
                    set_message.set(match done.await {
                        ShareOutcome::Shared => {
                            match &owner {
                                Some(owner) => owner.with(backup_made),
                                None => backup_made(),
                            }
                            sent_words(&file, true)
                        }
                        ShareOutcome::Cancelled => {
                            "Sharing was closed, so nothing was sent. You can try again."
                                .to_string()
                        }
                    });
                })
            }
            // No share sheet for this file here: the downloads instead.
            Err(FileOutError::ShareUnavailable) => set_message.set(match download(&exported) {
                Ok(()) => {
                    backup_made();
                    sent_words(&file, false)
                }
                Err(problem) => problem.to_string(),
            }),
            Err(problem) => set_message.set(problem.to_string()),
        }
    };

    view! {
        <Card heading_id="send-heading" title="Send to my other device">
            <p>
                "Carry on with your phone and your laptop: this makes a backup and opens your "
                "device's share options, or downloads the file where there are none."
            </p>
            <button type="button" class="primary" on:click=send>
                "Send to my other device"
            </button>
            <p class="status" role="status">{message}</p>
            <h3>"On the other device"</h3>
            <p>"Open Peer Study there, go to My data, and choose this file under \"Restore from a backup\"."</p>
            <p>"Choose \"Merge with what's here\" to keep the work from both devices."</p>
        </Card>
    }
}
