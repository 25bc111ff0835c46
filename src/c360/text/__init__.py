"""Text intelligence on CRM notes and e-mail bodies: PII redaction first."""
