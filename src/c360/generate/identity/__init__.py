"""Identity sources: the same people as a CRM, a loyalty scheme, web logins and a shop see them."""

from c360.generate.identity.outputs import block_outputs, global_outputs

__all__ = ["block_outputs", "global_outputs"]
