//! The last backup, once the trainee has written something: "Last backup: 9 days ago" or "No
//! backup yet", with a one-tap backup on home, and after 7 days a gentle nudge. A backup is the
//! one copy of their words that survives a browser clearing its data or a lost phone.

use leptos::prelude::*;

use super::{has_own_work, DeviceSafety};
use crate::app::backup_file::download_backup;
use crate::app::clock::{local_date, today};
use crate::app::page::Card;
use crate::app::records::Records;
use crate::domain::storage_safety::{backup_standing, BackupStanding};

/// Whether the trainee has written anything of their own, kept up to date by saves.
fn written(records: Records) -> Memo<bool> {
    let status = records.status();
    Memo::new(move |_| {
        status.track();
        has_own_work(records)
    })
}

/// What the nudge says, beside the standing.
fn nudge_words(standing: &BackupStanding) -> &'static str {
    if standing.words.starts_with("No backup") {
        "A backup file keeps a spare copy of everything you've written, in case this browser \
         loses it. It takes a moment."
    } else {
        "It's been a week or more. A fresh backup keeps your recent work safe too."
    }
}

/// The standing in words, with its nudge when one is due; nothing until something is written.
/// (A closure rather than a memo of the standing: one reactive type fewer in the wasm.)
fn standing_view(safety: DeviceSafety, written: Memo<bool>) -> impl IntoView {
    move || {
        written.get().then(|| {
            let standing = backup_standing(safety.last_backup.get().map(local_date), today());
            let nudge = standing
                .nudge
                .then(|| view! { <p class="backup-nudge">{nudge_words(&standing)}</p> });
            view! {
                <p class="last-backup"><strong>{standing.words}</strong></p>
                {nudge}
            }
        })
    }
}

/// The last backup as a line, for the card that already has the backup button (My data).
#[component]
pub fn LastBackup() -> impl IntoView {
    let safety = use_context::<DeviceSafety>()?;
    let records = use_context::<Records>()?;
    Some(standing_view(safety, written(records)))
}

/// The home page's backup card: the standing and a one-tap backup. Shows nothing until the
/// trainee has written something.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let safety = use_context::<DeviceSafety>()?;
    let records = use_context::<Records>()?;
    let written = written(records);
    let (message, set_message) = signal(String::new());
    // The same file as My data's: encrypted while the lock is on.
    let lock = use_context::<crate::app::lock::LockControl>();
    let back_up = move |_| set_message.set(download_backup(records, lock));
    Some(view! {
        <Show when=move || written.get()>
            <Card heading_id="home-backup" title="Your backup">
                {standing_view(safety, written)}
                <button type="button" class="primary" on:click=back_up>"Back up now"</button>
                <p class="status" role="status">{message}</p>
            </Card>
        </Show>
    })
}
