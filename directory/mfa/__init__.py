"""Multi-factor sign-in: a password, then a code from an authenticator app (TOTP, django-otp).

Who must use it: co-chairs, playbook editors, service-point data stewards, staff and
superusers (the admin included): they can change what everyone reads or administer accounts.
Members may turn it on for themselves. Once a person has a second factor, every sign-in asks
for it. One-time backup codes (django-otp's static tokens) let someone in who lost their phone;
an administrator can reset a person's devices, after which they enrol again.
"""
