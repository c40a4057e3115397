//! Code loaded on demand (issue #17). The first load carries the shell, the list of workshops
//! and what reads and saves workshops. The rest is in three wasm modules, each fetched the
//! first time it is asked for:
//! - `pages`: a workshop's page with its running order, and the lists of keys;
//! - `files`: the report, the copies for publication, Export everything with every exporter
//!   and the zip writer, and the import checks;
//! - `editors`: the four exercises' editors, with their Export menus.
//!
//! Code that two of them need, and the first load does not, is a smaller file fetched with
//! whichever comes first. After the first visit the service worker holds every file, so this
//! works with no network.
//!
//! A few modules, not one per screen: wasm-split-cli gives each set of entry points that
//! share code a file of its own, and with one entry point per screen a workshop's page needed
//! 31 files (measured 2026-12-07), each fetched and started on its own.
//!
//! The browser build (`--features split`, set in index.html) marks each entry point with
//! `wasm_split` (what Leptos's `#[lazy]` is made of, with the module named), and
//! `scripts/post-build.mjs` cuts the wasm at those points with `wasm-split-cli`. Builds
//! without the feature (native, wasm-bindgen-test, clippy) get the same `async fn`, calling
//! the code directly, so every caller is written once.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Defines an entry point to code loaded on demand, in the module named first (`pages`,
/// `files` or `editors`): a function, or an `async` one, whose result callers `.await` as
/// `Result<_, NotHere>`. Its arguments and result must be plain owned values (no generics, no
/// references): the call crosses from one wasm module into another.
///
/// The split builds mark it `fallible`: a module that cannot be fetched (the network gone
/// before the service worker has stored it) is `Err(NotHere)`, where it would otherwise panic
/// and stop the whole app. A later call tries to fetch it again.
macro_rules! on_demand {
    // A plain function is an `async` one that never waits: one shape for both.
    ($module:ident => $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $crate::ui::on_demand::on_demand! {
            $module => $(#[$meta])* $vis async fn $name($($arg: $ty),*) -> $ret $body
        }
    };
    // A split function cannot be `async` itself: it hands back its future, which the caller's
    // side awaits (as Leptos's `#[lazy]` does).
    ($module:ident => $(#[$meta:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            return_wrapper(let future = _; { Ok(future.await) } -> Result<$ret, $crate::ui::on_demand::NotHere>)
        )]
        $vis fn $name($($arg: $ty),*) -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = $ret>>> {
            Box::pin(async move $body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::on_demand::NotHere> {
            async fn run($($arg: $ty),*) -> $ret $body
            Ok(run($($arg),*).await)
        }
    };
}
pub(crate) use on_demand;

/// A module loaded on demand could not be fetched: the network is gone and the service worker
/// has not stored the app's files yet (it does so just after the first visit's first picture).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotHere;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotHere {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotHere
    }
}

impl NotHere {
    /// What the facilitator is told, and what to do about it.
    pub const MESSAGE: &'static str = "This part of the app is not on this computer yet, and there is no network to fetch it. Connect to the internet and try again. After one visit with the network, the whole app works offline.";
}

/// For the entry points that may fail on their own: one error, either way.
pub fn or_not_here<T>(result: Result<Result<T, String>, NotHere>) -> Result<T, String> {
    result.unwrap_or_else(|_| Err(NotHere::MESSAGE.to_string()))
}

/// Shows the view that `load` gives once its module is here. A module already loaded gives it
/// at once, so the screen is drawn in the same turn, as if it had never been split. Otherwise
/// the place holds only a status the screen reader hears (a few milliseconds from the
/// service worker's cache, so nothing flashes on the projector), and the view comes when the
/// module does. If the module cannot be fetched, the place says so, with a button that calls
/// `load` again.
///
/// The view is made under the owner this is called in, as a component's would be, so it is
/// disposed with the screen; leaving before the module arrives cancels the wait.
pub fn screen<F>(load: impl Fn() -> F + Send + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, NotHere>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    (move || {
        attempt.track();
        one_attempt(load(), attempt)
    })
    .into_any()
}

fn one_attempt(
    load: impl Future<Output = Result<AnyView, NotHere>> + 'static,
    attempt: RwSignal<u32>,
) -> AnyView {
    let mut load = Box::pin(ScopedFuture::new_untracked(load));
    if let Poll::Ready(result) = load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return shown(result, attempt);
    }
    let arrived = RwSignal::new(false);
    let view = StoredValue::new_local(None::<AnyView>);
    let loading = Loading::start();
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        view.set_value(Some(shown(load.await, attempt)));
        arrived.set(true);
        // Arrived, or cancelled with the screen: either way it is no longer awaited.
        drop(loading);
    });
    (move || {
        if arrived.get() {
            view.try_update_value(Option::take).flatten()
        } else {
            Some(
                view! { <p class="visually-hidden on-demand-loading" role="status">"Loading…"</p> }
                    .into_any(),
            )
        }
    })
    .into_any()
}

fn shown(result: Result<AnyView, NotHere>, attempt: RwSignal<u32>) -> AnyView {
    result.unwrap_or_else(|NotHere| {
        view! {
            <div class="notice danger not-here" role="alert">
                <strong>"This screen could not be opened."</strong>
                " " {NotHere::MESSAGE}
                <div class="notice-actions">
                    <button class="primary" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                </div>
            </div>
        }
        .into_any()
    })
}

thread_local! {
    /// How many screens are waiting for their module.
    static LOADING: Cell<usize> = const { Cell::new(0) };
    /// What waits for them (`when_loaded`).
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work` now, or, while a screen is waiting for its module, once every such screen is
/// drawn. Giving a control the keyboard goes through this, so a control on a screen that
/// arrives a moment later still gets it.
pub fn when_loaded(work: impl FnOnce() + 'static) {
    if LOADING.get() == 0 {
        work();
    } else {
        WAITING.with_borrow_mut(|waiting| waiting.push(Box::new(work)));
    }
}

/// One screen waiting for its module, from the call until its view is in place or the
/// screen is gone.
struct Loading;

impl Loading {
    fn start() -> Self {
        LOADING.set(LOADING.get() + 1);
        Loading
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        LOADING.set(LOADING.get().saturating_sub(1));
        if LOADING.get() == 0 {
            let waiting = WAITING.take();
            if !waiting.is_empty() {
                // After the frame that draws the view that arrived.
                super::focus::on_next_frame(move || waiting.into_iter().for_each(|work| work()));
            }
        }
    }
}
