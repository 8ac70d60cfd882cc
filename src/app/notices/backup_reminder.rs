//! The last backup, once the trainee has written something: "Last backup: 9 days ago" or "No
//! backup yet", with a one-tap backup on home, and after 7 days a gentle nudge. A backup is the
//! one copy of their words that survives a browser clearing its data or a lost phone.

use leptos::prelude::*;

use super::{backup_made, has_own_work, DeviceSafety};
use crate::app::clock::{local_date, today};
use crate::app::file_out::download_text;
use crate::app::page::Card;
use crate::app::records::Records;
use crate::domain::storage_safety::{backup_standing, BackupStanding};

/// Where the trainee stands on backups, kept up to date by saves and backups; `None` until they
/// have written something of their own.
fn standing() -> Option<Memo<Option<BackupStanding>>> {
    let safety = use_context::<DeviceSafety>()?;
    let records = use_context::<Records>()?;
    let status = records.status();
    Some(Memo::new(move |_| {
        status.track();
        let last = safety.last_backup.get();
        has_own_work(records).then(|| backup_standing(last.map(local_date), today()))
    }))
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

/// The standing in words, with its nudge when one is due.
#[component]
fn Standing(standing: Memo<Option<BackupStanding>>) -> impl IntoView {
    move || {
        standing.get().map(|s| {
            let nudge = s
                .nudge
                .then(|| view! { <p class="backup-nudge">{nudge_words(&s)}</p> });
            view! {
                <p class="last-backup"><strong>{s.words.clone()}</strong></p>
                {nudge}
            }
        })
    }
}

/// The last backup as a line, for the card that already has the backup button (My data).
#[component]
pub fn LastBackup() -> impl IntoView {
    standing().map(|standing| view! { <Standing standing/> })
}

/// The home page's backup card: the standing and a one-tap backup. Shows nothing until the
/// trainee has written something.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let standing = standing()?;
    let records = use_context::<Records>()?;
    let (message, set_message) = signal(String::new());
    let back_up = move |_| {
        let (name, text) = records.export_backup();
        match download_text(&name, "application/json", &text) {
            Ok(()) => {
                backup_made();
                set_message.set(format!(
                    "Your backup is saved as {name}. Keep it somewhere safe, off this device too."
                ));
            }
            Err(error) => set_message.set(error.to_string()),
        }
    };
    Some(view! {
        <Show when=move || standing.with(Option::is_some)>
            <Card heading_id="home-backup" title="Your backup">
                <Standing standing/>
                <button type="button" class="primary" on:click=back_up>"Back up now"</button>
                <p class="status" role="status">{message}</p>
            </Card>
        </Show>
    })
}
