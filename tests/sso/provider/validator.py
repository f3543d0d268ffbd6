from oauth2_provider.oauth2_validators import OAuth2Validator

UNVERIFIED = "unverified-email"  # a group: the provider has not verified these users' addresses


class Validator(OAuth2Validator):
    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": not user.groups.filter(name=UNVERIFIED).exists(),
            "given_name": user.first_name,
            "family_name": user.last_name,
            "name": f"{user.first_name} {user.last_name}".strip(),
        }
