//! Attendance: mark each classroom day attended, missed, cancelled or still to come; add extra
//! days; and see where that leaves you against the 80% needed to graduate, in plain words.

use leptos::prelude::*;

use super::{edit_record, BackToCourse};
use crate::app::clock::today;
use crate::app::form::{error_of, focus_id, show_outcome, Control, Field, StatusLine};
use crate::app::page::{Card, Page};
use crate::app::records::use_record;
use crate::domain::attendance::{
    AttendanceDay, AttendanceSummary, DayRef, DayStatus, ExtraDayDraft, ExtraDayErrors, Mark,
    Standing,
};
use crate::domain::date::CalendarDate;
use crate::storage::record_names::{ATTENDANCE, COURSE, SCHEDULE};

/// A stable key and id fragment for a day: "day-3" or "extra-1".
fn day_key(day: &DayRef) -> String {
    match day {
        DayRef::Classroom(n) => format!("day-{n}"),
        DayRef::Extra(id) => id.clone(),
    }
}

/// The attendance page.
#[component]
pub fn AttendancePage() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let attendance = use_record(ATTENDANCE);
    let today = today();
    let days: Memo<Vec<AttendanceDay>> = Memo::new(move |_| {
        let sessions = schedule.with(|s| {
            s.as_ref()
                .map(|s| course.with(|c| s.sessions(c)))
                .unwrap_or_default()
        });
        attendance.with(|a| a.days(&sessions, today))
    });
    let summary = Memo::new(move |_| days.with(|d| AttendanceSummary::from_days(d)));
    // Only the list of days (not their marks) decides the rows, so marking keeps focus in place.
    let keys = Memo::new(move |_| {
        days.with(|d| {
            d.iter()
                .map(|d| (day_key(&d.day), d.day.clone()))
                .collect::<Vec<_>>()
        })
    });

    view! {
        <Page title="Attendance">
            <BackToCourse/>
            <p class="lead">
                "To graduate, the course asks you to be at 80% of the classroom days. Mark each "
                "day as it happens and you'll always know where you stand."
            </p>
            <Card heading_id="standing-heading" title="Where you stand" class="attendance-summary">
                <p class="standing" role="status">{move || summary.get().message()}</p>
                <p>
                    {move || {
                        let s = summary.get();
                        match s.rate_label() {
                            Some(rate) => format!("Attended: {rate}."),
                            None => "Nothing marked yet.".to_string(),
                        }
                    }}
                    " "
                    {move || {
                        let s = summary.get();
                        // The "on track" message already says how many days are needed.
                        (s.counted > 0 && !matches!(s.standing(), Standing::CanMiss(_)))
                            .then(|| {
                                format!(
                                    "You need {} of {} days for 80%.",
                                    s.needed,
                                    s.counted
                                )
                            })
                    }}
                </p>
            </Card>
            <Show when=move || schedule.with(Option::is_none)>
                <p class="notice">
                    "Your classroom days appear here once your dates are set. "
                    <a href="/course/dates">"Set your course dates"</a>
                </p>
            </Show>
            <Show when=move || !keys.with(Vec::is_empty)>
                <section aria-labelledby="days-heading">
                    <h2 id="days-heading" tabindex="-1">"Your classroom days"</h2>
                    <ul class="attendance-list">
                        <For
                            each=move || keys.get()
                            key=|(key, _)| key.clone()
                            children=move |(key, day)| view! { <DayMarks key day days/> }
                        />
                    </ul>
                </section>
            </Show>
            <AddExtraDay/>
        </Page>
    }
}

/// One day as a group of radio buttons: attended, missed, cancelled, still to come.
#[component]
fn DayMarks(
    /// "day-3" or the extra day's id, for element ids.
    key: String,
    /// Which day.
    day: DayRef,
    /// Every day as it stands (for the label and date).
    days: Memo<Vec<AttendanceDay>>,
) -> impl IntoView {
    let attendance = use_record(ATTENDANCE);
    let this_day = day.clone();
    let row = Memo::new(move |_| days.with(|d| d.iter().find(|d| d.day == this_day).cloned()));
    let course = use_record(COURSE);
    let legend = move || {
        row.with(|r| {
            r.as_ref()
                .map(|r| format!("{} · {}", r.label, r.date.display_short()))
                .unwrap_or_default()
        })
    };
    let modules = move || {
        row.with(|r| {
            let ids = r.as_ref().map(|r| r.module_ids.clone()).unwrap_or_default();
            course.with(|c| {
                ids.iter()
                    .filter_map(|id| c.module(id).map(|m| m.title.clone()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    };
    // The last choice clears the mark: "Still to come", or for a day already past, "Not marked
    // yet" (the domain's own words for both).
    let unmarked_label = move || {
        row.with(|r| match r.as_ref().map(|r| r.status) {
            Some(DayStatus::NotMarkedYet) => DayStatus::NotMarkedYet.label(),
            _ => DayStatus::ToCome.label(),
        })
    };
    let choices: Vec<(Option<Mark>, &'static str)> = Mark::ALL
        .iter()
        .map(|m| (Some(*m), m.label()))
        .chain(std::iter::once((None, "")))
        .collect();
    let is_extra = matches!(day, DayRef::Extra(_));
    let remove_id = day.clone();
    let remove = move |_| {
        if let DayRef::Extra(id) = &remove_id {
            attendance.update(|a| {
                a.remove_extra_day(id);
            });
            focus_id("days-heading");
        }
    };
    let name = format!("mark-{key}");
    let hint_name = name.clone();
    view! {
        <li>
            <fieldset class="day-marks">
                <legend>{legend}</legend>
                <p class="day-modules">{modules}</p>
                <div class="segmented">
                    {choices
                        .into_iter()
                        .map(|(mark, label)| {
                            let input_id = format!(
                                "{name}-{}",
                                mark.map_or("none".to_string(), |m| m.label().to_lowercase())
                            );
                            let (check_day, set_day) = (day.clone(), day.clone());
                            // "Attended" and "Missed" wait until the day has happened.
                            let not_yet = move || {
                                mark.is_some_and(|m| {
                                    row.with(|r| {
                                        r.as_ref().is_some_and(|r| !m.allowed_on(r.date, today()))
                                    })
                                })
                            };
                            let hint_id = format!("{name}-hint");
                            view! {
                                <span class="segment">
                                    <input
                                        type="radio"
                                        id=input_id.clone()
                                        name=name.clone()
                                        prop:checked=move || attendance.with(|a| a.mark(&check_day) == mark)
                                        disabled=not_yet
                                        aria-describedby=move || not_yet().then(|| hint_id.clone())
                                        on:change=move |_| {
                                            let Some(date) = row.with_untracked(|r| r.as_ref().map(|r| r.date)) else {
                                                return;
                                            };
                                            attendance.update(|a| {
                                                // Refused for a day still to come; the control is
                                                // disabled then, so this only guards old pages.
                                                let _ = a.set_mark_as_of(&set_day, mark, date, today());
                                            });
                                        }
                                    />
                                    <label for=input_id>
                                        {move || if mark.is_some() { label } else { unmarked_label() }}
                                    </label>
                                </span>
                            }
                        })
                        .collect_view()}
                </div>
                <Show when=move || row.with(|r| r.as_ref().is_some_and(|r| r.date > today()))>
                    <p class="hint" id=format!("{hint_name}-hint")>
                        "You can mark this day attended or missed once it has happened."
                    </p>
                </Show>
                {is_extra
                    .then(|| {
                        view! {
                            <button type="button" class="button quiet small" on:click=remove>
                                "Remove this extra day"
                            </button>
                        }
                    })}
            </fieldset>
        </li>
    }
}

/// A form for a classroom day outside the weekly pattern (a catch-up day, an extra session).
#[component]
fn AddExtraDay() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let attendance = use_record(ATTENDANCE);
    let date = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let errors = RwSignal::new(ExtraDayErrors::default());
    let status = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sessions = schedule.with_untracked(|s| {
            s.as_ref()
                .map(|s| course.with_untracked(|c| s.sessions(c)))
                .unwrap_or_default()
        });
        let draft = ExtraDayDraft {
            date: date.get_untracked(),
            label: label.get_untracked(),
        };
        let added = edit_record(attendance, |a| a.add_extra_day(&draft, &sessions)).map(|_| ());
        if show_outcome(errors, added, "extra-day-form") {
            let when = draft
                .date
                .parse::<CalendarDate>()
                .map(CalendarDate::display_short)
                .unwrap_or_default();
            status.set(format!(
                "Extra day added for {when}. It counts towards the 80%."
            ));
            date.set(String::new());
            label.set(String::new());
        }
    };
    view! {
        <details class="card">
            <summary>"Add an extra classroom day"</summary>
            <form id="extra-day-form" on:submit=submit novalidate>
                <Field
                    id="extra-day-date"
                    label="Date"
                    value=date
                    control=Control::Date
                    error=error_of(errors, |e| e.date.as_ref())
                />
                <Field
                    id="extra-day-label"
                    label="What it is (optional)"
                    value=label
                    hint="Such as: catch-up day"
                    error=error_of(errors, |e| e.label.as_ref())
                />
                <button type="submit" class="button primary">"Add extra day"</button>
            </form>
            <StatusLine text=status/>
        </details>
    }
}
