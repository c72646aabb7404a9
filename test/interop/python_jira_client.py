#!/usr/bin/env python3
"""Drive the Jira simulator with clients nobody on this project wrote.

requests-oauthlib (oauthlib's RFC 5849 signer, RSA-SHA1) runs the three-legged dance, with the
authorize page filled in the way a browser would; then the `jira` package (pycontribs/jira) creates
an issue, comments, attaches a file and searches. If the simulator's OAuth verification or REST
shapes drifted from Jira's, these clients would fail where a real Jira would not.

Input (environment): JIRA_URL, JIRA_CONSUMER_KEY, JIRA_PRIVATE_KEY_FILE.
Output: one JSON object on stdout with what each step saw; errors go to stderr with exit 1.
"""
import io
import json
import os
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from jira import JIRA
from oauthlib.oauth1 import SIGNATURE_RSA
from requests_oauthlib import OAuth1Session


class AuthorizeForm(HTMLParser):
    """Reads Jira's authorize page like a browser: the form, its fields, its Allow button, a verifier."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = {}
        self.buttons = []  # (name, value, label)
        self.verifier = None
        self._in_verifier = False
        self._button = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = attrs.get("action", "")
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("hidden", "text") and attrs.get("name"):
                self.fields[attrs["name"]] = attrs.get("value", "")
            elif kind == "submit":
                self.buttons.append((attrs.get("name"), attrs.get("value", ""), attrs.get("value", "")))
        elif tag == "button":
            self._button = [attrs.get("name"), attrs.get("value", ""), ""]
        elif tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
        elif tag == "option" and self._select is not None:
            if self._select not in self.fields or "selected" in attrs:
                self.fields[self._select] = attrs.get("value", "")
        if attrs.get("id") == "oauth-verifier":
            self._in_verifier = True
            self.verifier = ""

    def handle_endtag(self, tag):
        if tag == "button" and self._button is not None:
            self.buttons.append(tuple(self._button))
            self._button = None
        elif tag == "select":
            self._select = None
        elif self._in_verifier:
            self._in_verifier = False

    def handle_data(self, data):
        if self._button is not None:
            self._button[2] += data.strip()
        if self._in_verifier:
            self.verifier += data.strip()


def approve_in_browser(authorize_url):
    """GET the authorize page, click Allow, return the verifier Jira shows for oob."""
    session = requests.Session()
    page = session.get(authorize_url)
    page.raise_for_status()
    form = AuthorizeForm()
    form.feed(page.text)
    allow = [b for b in form.buttons if "allow" in (b[2] or b[1]).lower()]
    if form.action is None or not allow:
        raise SystemExit("the authorize page has no form with an Allow button:\n" + page.text[:2000])
    data = dict(form.fields)
    name, value, _label = allow[0]
    if name:
        data[name] = value
    answer = session.post(urljoin(authorize_url, form.action), data=data, allow_redirects=False)
    answer.raise_for_status()
    shown = AuthorizeForm()
    shown.feed(answer.text)
    if not shown.verifier:
        raise SystemExit("no verification code (id=oauth-verifier) after Allow:\n" + answer.text[:2000])
    return shown.verifier


def main():
    base = os.environ["JIRA_URL"].rstrip("/")
    consumer_key = os.environ["JIRA_CONSUMER_KEY"]
    with open(os.environ["JIRA_PRIVATE_KEY_FILE"], encoding="ascii") as key_file:
        private_key = key_file.read()
    seen = {}

    dance = OAuth1Session(
        consumer_key, signature_method=SIGNATURE_RSA, rsa_key=private_key, callback_uri="oob"
    )
    request_token = dance.fetch_request_token(base + "/plugins/servlet/oauth/request-token")
    seen["callbackConfirmed"] = request_token.get("oauth_callback_confirmed")
    verifier = approve_in_browser(dance.authorization_url(base + "/plugins/servlet/oauth/authorize"))
    exchange = OAuth1Session(
        consumer_key,
        signature_method=SIGNATURE_RSA,
        rsa_key=private_key,
        resource_owner_key=request_token["oauth_token"],
        resource_owner_secret=request_token["oauth_token_secret"],
        verifier=verifier,
    )
    access = exchange.fetch_access_token(base + "/plugins/servlet/oauth/access-token")
    seen["accessTokenIssued"] = bool(access.get("oauth_token"))

    jira = JIRA(
        server=base,
        oauth={
            "access_token": access["oauth_token"],
            "access_token_secret": access["oauth_token_secret"],
            "consumer_key": consumer_key,
            "key_cert": private_key,
        },
    )
    seen["serverVersion"] = jira.server_info()["version"]
    seen["myself"] = jira.myself()["displayName"]

    issue = jira.create_issue(
        project="SUP",
        summary="Printer on floor 3 jams (from python-jira)",
        description="Reported by *email*.\n\n* first\n* second",
        issuetype={"name": "Task"},
    )
    seen["created"] = {"key": issue.key, "summary": issue.fields.summary}

    comment = jira.add_comment(issue, "Same problem on floor 4, see attached log.")
    seen["comments"] = [c.body for c in jira.comments(issue)]
    seen["commentAuthor"] = comment.author.displayName

    attachment = jira.add_attachment(
        issue=issue, attachment=io.BytesIO(b"jam at 09:14\njam at 09:31\n"), filename="printer log.txt"
    )
    seen["attachment"] = {
        "filename": attachment.filename,
        "size": attachment.size,
        "content": attachment.get().decode("utf-8"),
    }

    seen["searchVpn"] = [i.key for i in jira.search_issues('project = SUP AND text ~ "VPN"')]
    seen["searchNew"] = [
        i.key for i in jira.search_issues('text ~ "floor" AND reporter = currentUser() ORDER BY created DESC')
    ]
    json.dump(seen, sys.stdout)


if __name__ == "__main__":
    main()
