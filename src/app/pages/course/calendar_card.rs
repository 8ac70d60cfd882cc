//! "Add to my calendar": the course dates as an `.ics` file for the trainee's own calendar app,
//! and the placement's dates, which the file includes once they are set.
//!
//! The file is made on the device from the dates as they are at that moment and handed over
//! through the usual download helper; nothing is sent anywhere.

use leptos::prelude::*;

use super::edit_record;
use crate::app::clock::now_ms;
use crate::app::file_out::download_text_saying;
use crate::app::form::{focus_first_problem, Control, Field, StatusLine};
use crate::app::records::use_record;
use crate::domain::course_calendar::{course_calendar, FILE_NAME, MIME_TYPE};
use crate::domain::placement_dates::{PlacementDates, PlacementDatesError};
use crate::storage::record_names::{COURSE, PLACEMENT, SCHEDULE};

/// The "Add to my calendar" card: downloads the course as an `.ics` file, or, before the dates
/// are set, says where to set them.
#[component]
pub fn AddToCalendar() -> impl IntoView {
    let course = use_record(COURSE);
    let schedule = use_record(SCHEDULE);
    let placement = use_record(PLACEMENT);
    let status = RwSignal::new(String::new());
    let download = move |_| {
        let Some(schedule) = schedule.get_untracked() else {
            return;
        };
        let dates = placement.with_untracked(|p| p.dates);
        let file = course.with_untracked(|c| course_calendar(c, &schedule, dates, now_ms()));
        let place = if dates.is_some() {
            " and placement"
        } else {
            ""
        };
        status.set(download_text_saying(
            FILE_NAME,
            MIME_TYPE,
            &file,
            format!(
                "Your calendar file, {FILE_NAME}, is ready. Open it to add your classroom \
                 days{place} to your calendar. If a date changes, add it again: the events are \
                 updated, not doubled."
            ),
        ));
    };
    view! {
        <section class="card" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">"Your course in your calendar"</h2>
            <Show
                when=move || schedule.with(Option::is_some)
                fallback=|| {
                    view! {
                        <p>
                            "Once "
                            <a href="/course/dates">"your course dates"</a>
                            " are set, you can add them to your phone's calendar from here."
                        </p>
                    }
                }
            >
                <p>
                    "Each classroom day, 10:00 to 16:00, with the modules it covers and a "
                    "reminder at 7pm the evening before about that day's prep."
                </p>
                <button type="button" class="button" on:click=download>
                    "Add to my calendar"
                </button>
            </Show>
            <StatusLine text=status/>
        </section>
    }
}

/// Setting (or clearing) the placement's first and last days.
#[component]
pub fn PlacementDatesForm() -> impl IntoView {
    let placement = use_record(PLACEMENT);
    let existing = placement.with_untracked(|p| p.dates);
    let start = RwSignal::new(existing.map(|d| d.start.to_string()).unwrap_or_default());
    let end = RwSignal::new(existing.map(|d| d.end.to_string()).unwrap_or_default());
    let error = RwSignal::new(None::<PlacementDatesError>);
    let status = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = edit_record(placement, |log| {
            let dates = PlacementDates::from_text(&start.get_untracked(), &end.get_untracked())?;
            log.dates = Some(dates);
            Ok::<_, PlacementDatesError>(dates)
        });
        match result {
            Ok(dates) => {
                error.set(None);
                status.set(format!(
                    "Your placement dates are saved: {}.",
                    dates.label()
                ));
            }
            Err(problem) => {
                error.set(Some(problem));
                focus_first_problem("placement-dates-form");
            }
        }
    };
    let clear = move |_| {
        placement.update(|log| log.dates = None);
        start.set(String::new());
        end.set(String::new());
        error.set(None);
        status.set("Your placement dates are cleared.".to_string());
    };
    let start_error = Signal::derive(move || {
        error.with(|e| match e {
            Some(PlacementDatesError::Start(err)) => Some(err.to_string()),
            _ => None,
        })
    });
    let end_error = Signal::derive(move || {
        error.with(|e| match e {
            Some(err @ PlacementDatesError::EndBeforeStart { .. }) => Some(err.to_string()),
            Some(PlacementDatesError::End(err)) => Some(err.to_string()),
            _ => None,
        })
    });
    view! {
        <section class="card" aria-labelledby="placement-dates-heading">
            <h2 id="placement-dates-heading">"Placement dates"</h2>
            <p>
                "If you know when your placement runs, add its first and last days. They go in "
                "your calendar file as one all-day span."
            </p>
            <form id="placement-dates-form" on:submit=submit novalidate>
                <Field
                    id="placement-first-day"
                    label="First day of placement"
                    value=start
                    control=Control::Date
                    error=start_error
                />
                <Field
                    id="placement-last-day"
                    label="Last day of placement"
                    value=end
                    control=Control::Date
                    error=end_error
                />
                <div class="actions">
                    <button type="submit" class="button">"Save placement dates"</button>
                    <Show when=move || placement.with(|p| p.dates.is_some())>
                        <button type="button" class="button quiet" on:click=clear>
                            "Clear placement dates"
                        </button>
                    </Show>
                </div>
            </form>
            <StatusLine text=status/>
        </section>
    }
}
