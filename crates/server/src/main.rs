//! `pulse-server`: run the backend, or manage its accounts.

use std::io::BufRead;

use anyhow::{Context, bail};
use clap::Parser;
use pulse_protocol::Actor;
use pulse_protocol::input::Country;
use pulse_protocol::wire::Invitation;
use pulse_server::cli::{AccountCommand, Cli, Command};
use pulse_server::store::{self, NewAccount, RateQuota};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Account(AccountCommand::Invite(invite))) => {
            let store = open_store(&cli.serve).await?;
            let mail = cli.serve.mail();
            let links = pulse_server::onboarding::Links {
                public_url: mail
                    .public_url
                    .clone()
                    .unwrap_or_else(|| format!("http://{}", cli.serve.listen))
                    .trim_end_matches('/')
                    .to_owned(),
                invitation_valid: mail.invitation_valid,
                reset_valid: mail.reset_valid,
            };
            let invitation = Invitation {
                role: role(&invite.role)?,
                email: invite.email.clone(),
                name: invite.name,
                country: invite.country,
                properties: invite.properties,
                language: invite.language,
            };
            let invited = pulse_server::onboarding::invite(store.as_ref(), &links, &invitation)
                .await
                .with_context(|| format!("inviting {}", invite.email))?;
            println!(
                "invited {} (account {}); the link works until {}. The e-mail goes out \
                 through the server's SMTP settings when it runs.",
                invite.email, invited.account_id, invited.link_expires_at
            );
            Ok(())
        }
        Some(Command::Account(AccountCommand::Add(add))) => {
            let store = open_store(&cli.serve).await?;
            let role = role(&add.role)?;
            let country = match (role, add.country.trim()) {
                (Actor::Handler, _) => None,
                (Actor::Partner, "") => bail!("a partner needs --country (two letters)"),
                (Actor::Partner, raw) => Some(Country::parse(raw).context("--country")?),
            };
            let password = match std::env::var("PULSE_ACCOUNT_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    eprintln!("password (one line):");
                    let mut line = String::new();
                    std::io::stdin().lock().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            pulse_server::passwords::check_new_password(&password)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let password_hash = pulse_server::auth::hash_password(&password)
                .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
            let id = store
                .create_account(&NewAccount {
                    role,
                    email: add.email.clone(),
                    name: add.name,
                    password_hash,
                    country: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
                    in_eea: country.is_some_and(|c| c.is_eea()),
                    properties: add.properties,
                    language: pulse_server::mail::language(&add.language).to_owned(),
                })
                .await
                .with_context(|| format!("creating {}", add.email))?;
            println!("created account {id} for {}", add.email);
            Ok(())
        }
        None => {
            let config = cli.serve.config();
            std::fs::create_dir_all(&config.data_dir).context("creating the data directory")?;
            let server = pulse_server::start(config).await?;
            if !server.demo_accounts().is_empty() {
                println!(
                    "Demo accounts (password: {}):",
                    pulse_server::demo::DEMO_PASSWORD
                );
                for account in server.demo_accounts() {
                    println!(
                        "  {:<20} {} — {}",
                        account.email, account.name, account.note
                    );
                }
            }
            println!("pulse-server listening on http://{}", server.addr());
            let stop = server.shutdown_token();
            tokio::spawn(async move {
                shutdown_signal().await;
                tracing::info!("stopping: finishing requests in flight");
                stop.cancel();
            });
            server.wait().await?;
            Ok(())
        }
    }
}

/// The store, for a command that makes an account or two.
async fn open_store(
    serve: &pulse_server::cli::ServeArgs,
) -> anyhow::Result<std::sync::Arc<dyn store::Database>> {
    std::fs::create_dir_all(serve.data_dir()).context("creating the data directory")?;
    // One command, one account: no request allowance to speak of.
    let options = store::StoreOptions {
        quota: RateQuota {
            per_second: 1,
            burst: 1,
        },
        max_queued_writes: store::StoreOptions::QUEUED_WRITES,
        reply_within: store::StoreOptions::REPLY_WITHIN,
    };
    Ok(store::open(&serve.database_url(), options).await?)
}

fn role(raw: &str) -> anyhow::Result<Actor> {
    match raw {
        "partner" => Ok(Actor::Partner),
        "handler" => Ok(Actor::Handler),
        other => bail!("--role is partner or handler, not {other:?}"),
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
