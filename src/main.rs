use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // No arguments: most likely a double-click on papan.exe, by someone with no terminal.
    if std::env::args_os().len() <= 1 {
        return papan::double_click::run();
    }
    let cli = papan::cli::Cli::parse();
    papan::error::finish(papan::commands::run(cli))
}
