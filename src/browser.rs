//! Opening the preview in the person's own web browser (`papan serve`, a double-click).
//!
//! In: the preview's address, whether the command line said not to, and the environment.
//! Out: the system's own opener started for the address (Windows: `rundll32
//! url.dll,FileProtocolHandler`, macOS: `open`, elsewhere `xdg-open`), or nothing, with
//! a line saying which. [`opener`] is the decision, a pure function tested on every system.
//! Tests and CI never open a browser: `--tanpa-peramban`, `PAPAN_TANPA_PERAMBAN` or `CI`
//! in the environment stop it, and so does a Linux session with no screen.

use std::process::{Command, Stdio};

/// Set (to anything but empty) to never open a browser, e.g. for a double-click in tests.
pub const NO_BROWSER_VAR: &str = "PAPAN_TANPA_PERAMBAN";

/// Which system the opener is chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Windows,
    MacOs,
    Other,
}

impl System {
    pub fn current() -> System {
        if cfg!(windows) {
            System::Windows
        } else if cfg!(target_os = "macos") {
            System::MacOs
        } else {
            System::Other
        }
    }
}

/// The program and arguments that open `url`; None when no browser should open.
/// `var` reads the environment.
pub fn opener(
    url: &str,
    refused: bool,
    system: System,
    var: impl Fn(&str) -> Option<String>,
) -> Option<(String, Vec<String>)> {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if refused || set(NO_BROWSER_VAR) || set("CI") {
        return None;
    }
    let (program, mut args) = match system {
        // rundll32 hands the address to the default browser without a console window;
        // `cmd /c start` would read `&` in an address as a command separator.
        System::Windows => (
            "rundll32.exe",
            vec!["url.dll,FileProtocolHandler".to_owned()],
        ),
        System::MacOs => ("open", Vec::new()),
        System::Other => {
            // No screen: an SSH session or a server, where xdg-open would start a text
            // browser inside the terminal the preview prints to.
            if !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
                return None;
            }
            ("xdg-open", Vec::new())
        }
    };
    args.push(url.to_owned());
    Some((program.to_owned(), args))
}

/// Opens `url` in the browser unless told not to; says what it did.
pub fn open(url: &str, refused: bool) {
    let Some((program, args)) = opener(url, refused, System::current(), |name| {
        std::env::var(name).ok()
    }) else {
        return;
    };
    let started = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match started {
        Ok(mut child) => {
            println!("Membuka pratinjau di peramban…");
            // Reaped in the background, so no finished opener lingers while serving.
            std::thread::spawn(move || child.wait());
        }
        Err(_) => println!("Peramban tidak dapat dibuka otomatis; buka alamat di atas sendiri."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://127.0.0.1:1111/";

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn each_system_uses_its_own_opener() {
        let none = env(&[]);
        let (p, a) = opener(URL, false, System::Windows, &none).unwrap();
        assert_eq!(
            (p.as_str(), a),
            (
                "rundll32.exe",
                vec!["url.dll,FileProtocolHandler".to_owned(), URL.to_owned()]
            )
        );
        let (p, a) = opener(URL, false, System::MacOs, &none).unwrap();
        assert_eq!((p.as_str(), a), ("open", vec![URL.to_owned()]));
        let screen = env(&[("DISPLAY", ":0")]);
        let (p, a) = opener(URL, false, System::Other, screen).unwrap();
        assert_eq!((p.as_str(), a), ("xdg-open", vec![URL.to_owned()]));
        assert!(
            opener(
                URL,
                false,
                System::Other,
                env(&[("WAYLAND_DISPLAY", "wayland-0")])
            )
            .is_some()
        );
    }

    #[test]
    fn the_flag_the_variable_ci_and_no_screen_open_nothing() {
        let screen = env(&[("DISPLAY", ":0")]);
        assert!(opener(URL, true, System::Windows, &screen).is_none());
        assert!(opener(URL, false, System::Windows, env(&[(NO_BROWSER_VAR, "1")])).is_none());
        assert!(opener(URL, false, System::MacOs, env(&[("CI", "true")])).is_none());
        assert!(opener(URL, false, System::Other, env(&[])).is_none());
        assert!(opener(URL, false, System::Other, env(&[("DISPLAY", "")])).is_none());
        // An empty variable is as good as none.
        assert!(
            opener(
                URL,
                false,
                System::Windows,
                env(&[(NO_BROWSER_VAR, ""), ("CI", "")])
            )
            .is_some()
        );
    }
}
