/// Which context keys hold credentials (docs/api.md §4.2, D4): their values go to the sandbox only and are redacted
/// everywhere else.
package enum SecretKeys {
    /// The credential keys of docs/api.md §4.2 (compared case-insensitively).
    package static let credentialKeys: Set<String> = [
        "client_slug", "db_host", "db_port", "db_user", "db_password", "db_name", "email_user", "email_password", "imap_host", "smtp_host",
        "imap_port", "smtp_port", "gcp_service_account_json", "api_key", "api_secret", "access_token", "refresh_token", "private_key",
        "public_key", "secret_key",
    ]

    /// The LLM token counts of the chain of work and the LLM wire formats: numbers, although their names hold "token".
    package static let tokenCountKeys: Set<String> = [
        "tokens_input", "tokens_output", "tokens_saved", "input_tokens", "output_tokens", "total_tokens", "prompt_tokens", "completion_tokens",
        "max_tokens", "generation_tokens_input", "generation_tokens_output",
    ]

    /// Keys whose values are secret wherever they appear: the credential keys, the cloud credentials named by D4, and
    /// any key containing password, secret, token, private_key or api_key, except the token counts.
    package static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        if credentialKeys.contains(lowered) || ["aws_secret_access_key", "azure_credentials"].contains(lowered) { return true }
        if tokenCountKeys.contains(lowered) { return false }
        return ["password", "secret", "token", "private_key", "api_key"].contains(where: lowered.contains)
    }
}
