"""English phrase banks: CRM notes written by sales/support reps, and marketing e-mails."""

# Notes ----------------------------------------------------------------------------------------
# Same fields as banks_fr. Refer to the customer by name, "they" or "cust.", never he/she.

TITLES = ("Mr", "Ms")
TITLE_IN_SHORT = True
MAIL_DOMAIN = "brandco.com"
DAYS = ("on Thursday", "Monday morning", "next week", "tomorrow", "on Friday", "early next week")
STAFF = (
    ("James", "Carter"),
    ("Emily", "Walsh"),
    ("Daniel", "Hughes"),
    ("Olivia", "Bennett"),
    ("Ryan", "Cooper"),
    ("Hannah", "Price"),
    ("Marcus", "Reed"),
    ("Chloe", "Barnes"),
    ("Tom", "Fletcher"),
    ("Priya", "Shah"),
)
ASSISTANTS = (
    ("Karen", "Mills"),
    ("Lucy", "Turner"),
    ("Megan", "Ross"),
    ("Paul", "Dixon"),
    ("Amy", "Collins"),
    ("Gareth", "Hale"),
)

CONTACT = (
    "Inbound call from {name}.",
    "Outbound call to {name}, got through on {phone} on the second try.",
    "Video call with {name} this morning, about half an hour.",
    "{name} called back after my voicemail.",
    "Email thread with {name} ({email}).",
    "Spoke to {name} on the phone.",
    "Site visit at {account}, met {name}.",
    "Quick call w/ {name} (FU from last week).",
    "Web form message from {name}, called back straight away.",
    "Met {name} at the trade show, short chat at our stand.",
    "Call with {name} re: {account} account.",
    "Live chat with {name}, moved to a call afterwards.",
    "{name} dropped by the store, we had a proper chat.",
    "Caught {name} between meetings, 10 min call.",
)
COORDS = (
    "Contact: {phone} / {email}",
    "Tel: {phone}",
    "Email: {email}",
    "Best reached on {phone}, mornings preferred.",
    "Prefers email: {email}",
    "Call back on {phone}.",
    "Updated number in the record: {phone}",
    "Email address verified: {email}",
    "Mobile {phone} — email {email}",
    "Direct: {email}, or {phone} if urgent.",
)
COLLEAGUE = (
    "Looped in {colleague} ({colleague_email}) from sales ops.",
    "Handed over to {colleague} ({colleague_email}) for the technical side.",
    "cc {colleague}: {colleague_email}",
    "Discussed internally with {colleague} ({colleague_email}).",
    "Working this one together with {colleague}, {colleague_email}.",
    "Check with {colleague} ({colleague_email}), who knows the account well.",
)
ASSISTANT = (
    "Book meetings through {assistant} ({assistant_email}), who manages the diary.",
    "{assistant} ({assistant_email}) is cc'd on everything.",
    "Accounts payable at {account}: {assistant}, {assistant_email}.",
    "Secondary contact: {assistant} — {assistant_email}",
    "Send the paperwork to {assistant} ({assistant_email}).",
)
EXTRA = (
    "Contact record updated.",
    "See earlier notes in the history.",
    "Solid purchase history on this account.",
    "Shared with the account team.",
    "Main point of contact for {account}.",
    "Bought {product} last year.",
    "Prefers calls late in the day.",
    "Not available on Wednesdays.",
    "Final decision maker at {account} TBC.",
)

CONTEXT = {
    "product_inquiry": (
        "Asking about {product}.",
        "Questions on the range, {product} in particular.",
        "Cust. wants to compare a few of our products before deciding.",
        "Checking specs and whether it works with their current setup.",
        "Interested in the new season's line, would like a walkthrough.",
        "Looking to kit out their team, found us through the online catalogue.",
        "Requested the spec sheet + stock availability.",
    ),
    "pricing_negotiation": (
        "Price negotiation on the framework agreement.",
        "Discussion about pricing for {product}.",
        "Asking for {pct} off the next order.",
        "Renegotiating terms, budget cuts at {account}.",
        "Wants to revisit the quote we sent last week.",
        "Went through the price list and volume discounts.",
        "Pushing back on the price increase announced for next year.",
    ),
    "support_issue": (
        "Technical problem with {product}.",
        "Device won't switch on since the last charge.",
        "Ticket {ticket}: fault reported since Monday.",
        "Pairing issue with the app, can't finish the setup.",
        "Fault reported a few weeks after purchase.",
        "Needs help after the latest firmware update.",
        "Recurring error when using it, sent photos by email.",
    ),
    "billing_question": (
        "Query about the latest invoice.",
        "Doesn't understand one line on this month's invoice.",
        "Asked for a copy of an invoice.",
        "Cust. reports being charged twice.",
        "Wants to change payment method.",
        "Mismatch between quote and invoice, {amount} difference.",
        "Billing address needs updating.",
    ),
    "renewal": (
        "Renewal of the contract coming up.",
        "Premium membership (unlimited delivery) expires in two months.",
        "Annual renewal of the framework agreement to prepare.",
        "Asked about the terms for renewing.",
        "Extended warranty on {product} about to run out.",
        "Talked through renewal options and add-ons.",
    ),
    "complaint": (
        "Complaint about their last order.",
        "Unhappy with how they were treated by customer service.",
        "Complaining about the quality of {product}.",
        "Written complaint received, followed up by phone.",
        "Frustrated by how long their request took to process.",
        "Complaint regarding the technician's visit.",
        "Disputes the answer given by after-sales.",
    ),
    "onboarding": (
        "Business account opened, first look at the customer portal.",
        "Setting up {product}: pairing and settings.",
        "Walked the {account} team through the trade portal.",
        "Helped with their first online order.",
        "Two-week check-in after account activation.",
        "Configured buyer logins and delivery addresses.",
    ),
    "feature_request": (
        "Request for an improvement to {product}.",
        "Would like a colour or size we don't carry.",
        "Suggests click-and-collect for business orders.",
        "Wants to be able to track orders in the app.",
        "Asking for consolidated monthly invoicing.",
        "Asked whether a version compatible with their old model is planned.",
    ),
    "cancellation_risk": (
        "Considering cancelling.",
        "Asked what the cancellation terms are.",
        "Churn risk: order volume way down.",
        "Mentioned they might move to a competitor.",
        "Cancellation request came in by email, called to understand why.",
        "Warning sign: no orders at all for three months.",
    ),
    "delivery_issue": (
        "Late delivery on the last order.",
        "Parcel not received even though tracking says delivered.",
        "Order of {product} arrived incomplete.",
        "Item arrived damaged.",
        "Question about delivery tracking.",
        "Wrong item in the parcel.",
    ),
}
DETAIL = {
    "product_inquiry": (
        "Covered: usage, lead times, warranty.",
        "Comparing us with a competitor, wants to know what sets us apart.",
        "Roughly ten units needed at {account}.",
        "Already owns {product}, wondering if the next model up is worth it.",
        "No budget set yet.",
    ),
    "pricing_negotiation": (
        "Current quote at {amount} excl. VAT.",
        "Competitor about {pct} cheaper according to {short}.",
        "Could commit to two years in exchange for a better rate.",
        "Central purchasing at {account}, decision made at group level.",
        "Max discount I'm allowed to give: {pct}.",
    ),
    "support_issue": (
        "Issue reproduced on our side.",
        "Relates to {product}, bought a few months ago.",
        "Several users affected at {account}.",
        "Had a similar problem last year.",
        "Ticket {ticket} opened with 2nd line.",
    ),
    "billing_question": (
        "Invoice in question: {amount} incl. VAT.",
        "Pays by bank transfer, finance team at {account}.",
        "Relates to the order for {product}.",
        "Payment due in two weeks.",
        "Got a payment reminder by mistake, per {short}.",
    ),
    "renewal": (
        "Current contract worth {amount} a year.",
        "Spend up at {account} this year.",
        "Option to add {product} to the next contract.",
        "Reminded them about the auto-renewal clause.",
        "Decision expected before quarter end.",
    ),
    "complaint": (
        "Order arrived damaged, photos provided.",
        "Second complaint in two months.",
        "Relates to {product}.",
        "Complaint escalated by management at {account}.",
        "Also left a review online.",
    ),
    "onboarding": (
        "Three buyer accounts created.",
        "Import of the trade catalogue planned for {day}.",
        "Sent the getting-started guide beforehand.",
        "Only recently started using {product}.",
        "Needs help setting up recurring orders.",
    ),
    "feature_request": (
        "Several departments at {account} want the same thing.",
        "Current workaround: everything goes through email.",
        "Other customers have asked for this too.",
        "Happy to test a beta.",
        "Linked to day-to-day use of {product}.",
    ),
    "cancellation_risk": (
        "Contract runs until the end of the year.",
        "Budget cut at {account}.",
        "Mostly ordered {product}.",
        "New decision maker in place, reviewing everything.",
        "Competitor offer roughly {pct} cheaper.",
    ),
    "delivery_issue": (
        "Carrier says it's delayed by several days.",
        "Delivery was going to the {account} site.",
        "Order placed two weeks ago.",
        "Order value: {amount}.",
        "Second delivery incident this quarter.",
    ),
}
OUTCOME = {
    "product_inquiry": {
        "positive": (
            "Really keen on a demo, booking a slot.",
            "Our answers cleared up their doubts, {short} wants to move fast.",
            "{short} thinks {product} is exactly what they need.",
            "Asked for a quote right away, great sign.",
            "Very positive reaction to the presentation, taking it to management to sign off.",
            "Loves the new range.",
            "{short} was thrilled with the demo and is already talking about ordering.",
        ),
        "neutral": (
            "Info sent, {short} needs to discuss internally.",
            "Docs sent over, no decision short term.",
            "Just gathering information, no immediate project.",
            "Noted our prices, will come back after comparing.",
            "Compatibility question answered with the spec sheet.",
            "Wants to see the product in store first.",
        ),
        "negative": (
            "Thinks the offer is overpriced for what it is.",
            "Our answers didn't reassure them.",
            "{short} says the info on our website is confusing.",
            "Complained it took a week to get an answer.",
            "Demo didn't land, too far from what they need.",
            "{product} doesn't meet their expectations, looking elsewhere.",
            "Feels we don't understand what they need.",
        ),
    },
    "pricing_negotiation": {
        "positive": (
            "Agreed at {amount}, {short} signs {day}.",
            "{pct} discount accepted, works for everyone.",
            "Deal closed, good negotiation on both sides.",
            "{short} approved the revised quote without any pushback.",
            "Going for a longer commitment, terms happily accepted.",
            "Good compromise reached, {short} thanked us for being flexible.",
        ),
        "neutral": (
            "Counter-offer sent, waiting for a reply.",
            "{short} has to check with procurement before committing.",
            "No decision today, picking it up again {day}.",
            "New quote at {amount} sent for review.",
            "Still talking, {pct} gap between our positions.",
            "Wants a detailed comparison before going further.",
        ),
        "negative": (
            "Flat-out refuses the increase, talking about leaving.",
            "Says our {amount} proposal is unacceptable.",
            "Negotiation stuck, zero flexibility on their side.",
            "{short} feels we're taking them for a ride on price.",
            "Got nowhere, the {pct} discount was called a joke.",
            "Nasty surprise on pricing, the call went cold.",
        ),
    },
    "support_issue": {
        "positive": (
            "Fixed on the call, {short} was very grateful.",
            "Fix applied, all working, {short} praised how quick support was.",
            "Sorted in ten minutes, great feedback on after-sales.",
            "Solved first time, very happy customer.",
            "Warranty replacement approved, {short} appreciated the speed.",
            "Finished the setup together, everything works and {short} is delighted.",
        ),
        "neutral": (
            "Update applied, incident closed.",
            "Workaround provided until the fix is out.",
            "Ticket {ticket} passed to 2nd line, {short} told about the timeline.",
            "Issue cleared after a reset, nothing more.",
            "Still diagnosing, getting back to {short} {day}.",
            "Resolved, setting issue on cust. side.",
        ),
        "negative": (
            "Third call about the same issue, still not fixed.",
            "{short} is fed up, the product has been unusable for a week.",
            "No solution offered so far, lots of frustration.",
            "Support made them explain it three times, completely exasperated.",
            "Ticket {ticket} stuck, no word from 2nd line.",
            "Outage blocking all work at {account}, this is critical.",
        ),
    },
    "billing_question": {
        "positive": (
            "Credit note issued same day, {short} thanked us for the quick turnaround.",
            "All cleared up, good feedback on how clearly it was explained.",
            "Refund approved, {short} appreciated that we sorted it without fuss.",
            "Switched to direct debit, {short} finds it much easier.",
            "Mistake fixed on the spot, lovely call.",
            "Clear explanation, {short} complimented us on the follow-up.",
        ),
        "neutral": (
            "Invoice copy sent by email.",
            "Line explained, it was the shipping charge.",
            "Error confirmed, will be corrected within ten days.",
            "Billing address updated.",
            "Passed to finance to check.",
            "Invoice corrected, nothing else to report.",
        ),
        "negative": (
            "One billing error too many, {short} demands an immediate refund.",
            "Finds it outrageous to have to chase for the third time.",
            "Disputes the {amount} amount, won't pay as it stands.",
            "Threatening to stop payments until it's fixed.",
            "Angry about hidden fees, called it a rip-off.",
            "No sign of the promised credit note, very heated call.",
        ),
    },
    "renewal": {
        "positive": (
            "Renewal signed for two years, great news.",
            "{short} renewed without hesitation and added options.",
            "Renewal confirmed, service is fully meeting expectations.",
            "Agreed in principle to renew, excellent atmosphere.",
            "Renewing and offered to recommend us to other businesses.",
            "Extended the commitment, {short} isn't considering anyone else.",
        ),
        "neutral": (
            "Renewal going through internal sign-off.",
            "Renewal proposal sent, answer expected {day}.",
            "Wants to review the year first.",
            "Likely to renew but nothing signed.",
            "Asked for a copy of the current contract before deciding.",
            "Renewal processed, just admin.",
        ),
        "negative": (
            "No intention of renewing as things stand.",
            "Hesitating, finds the value for money disappointing.",
            "Renewal in doubt, {short} has a competing offer.",
            "Won't renew until the problems are fixed.",
            "Says we barely followed up all year, won't commit.",
            "Very cold on renewal, wants to go month-to-month.",
        ),
    },
    "complaint": {
        "positive": (
            "Apologised + goodwill gesture, {short} thanked us for responding so fast.",
            "Complaint handled same day, very positive feedback.",
            "Product swap accepted, {short} ended the call in a good mood.",
            "All sorted, {short} appreciated that we listened.",
            "Closed amicably, relationship even stronger.",
            "Credit issued, {short} took down the negative review.",
        ),
        "neutral": (
            "Complaint logged, under review.",
            "Passed to the quality team.",
            "Goodwill gesture offered, awaiting their answer.",
            "Order error corrected, case closed.",
            "Explained what happened, {short} took note.",
            "Return arranged, refund on receipt.",
        ),
        "negative": (
            "Unacceptable according to {short}, wants compensation.",
            "Turned down the goodwill gesture as not enough.",
            "Talking about going to a consumer protection body.",
            "Cold fury, doesn't want to hear any more apologies.",
            "No acceptable solution yet, complaint still open.",
            "Promised to share the experience on social media.",
        ),
    },
    "onboarding": {
        "positive": (
            "Picked it up fast, {short} finds the portal really intuitive.",
            "Session went down well, the whole team is already ordering on their own.",
            "Smooth start, {short} thanked us for the hand-holding.",
            "Everything set up in one session, great feedback.",
            "{short} loves the interface and wants logins for more colleagues.",
            "First order placed without a hitch, everyone's pleased.",
        ),
        "neutral": (
            "Account configured, delivery addresses still to add.",
            "Session done, open questions for next check-in.",
            "Logins created, {short} to try things out.",
            "Small login glitch fixed during the session, on track.",
            "Setup plan agreed.",
            "Getting to grips with it, nothing blocking.",
        ),
        "negative": (
            "Rough start, {short} finds the customer portal too complicated.",
            "Session cut short, nothing worked as planned.",
            "Frustrated: still no access after two weeks.",
            "The {account} team don't see the point, nobody has logged in.",
            "{short} already regrets buying, too much time wasted.",
            "Felt the onboarding was rushed, wants a different contact.",
        ),
    },
    "feature_request": {
        "positive": (
            "Good news: it's planned for the autumn, {short} is delighted.",
            "{short} volunteered to test it, really motivated.",
            "Idea passed on, {short} appreciated being listened to.",
            "Option already exists, switched on right away: big thanks from {short}.",
            "Very constructive chat, loads of good ideas.",
            "{short} loved the improvements we showed.",
        ),
        "neutral": (
            "Request passed to the product team.",
            "Not planned short term, explained to {short}.",
            "Suggestion logged for the next review.",
            "Offered an alternative for now, we'll see how it goes.",
            "Needs clarifying, {short} to send a short write-up.",
            "Option exists but wasn't known, sent a how-to.",
        ),
        "negative": (
            "A must-have for {short}, without it they'll look elsewhere.",
            "Big letdown: asked a year ago, still nothing.",
            "Can't believe such a basic option is missing.",
            "Not on the roadmap, {short} took it very badly.",
            "Threatening to switch supplier if nothing changes this year.",
            "Feels their feedback goes straight in the bin.",
        ),
    },
    "cancellation_risk": {
        "positive": (
            "In the end {short} is staying: our action plan made the difference.",
            "Risk averted, {short} is even renewing for a year.",
            "After talking it through, no more talk of leaving, relationship back on track.",
            "Loyalty offer accepted enthusiastically.",
            "Fixing the issues changed everything, {short} trusts us again.",
            "Nice surprise: not leaving after all and {short} wants to add {product}.",
        ),
        "neutral": (
            "Still thinking it over, decision {day}.",
            "Retention offer sent, waiting.",
            "Cancellation logged, effective at term end.",
            "Wants to compare before deciding.",
            "Meeting set with the decision maker to clarify expectations.",
            "Passed to the retention team.",
        ),
        "negative": (
            "Cancellation confirmed, nothing we said worked.",
            "Moving to the competitor, decision is final.",
            "Refused every retention offer, wants nothing more to do with us.",
            "Too many disappointments, {short} has already signed elsewhere.",
            "No longer answering our calls, almost certainly gone.",
            "Lots of bitterness about our service, account is lost.",
        ),
    },
    "delivery_issue": {
        "positive": (
            "Express resend arranged, {short} thanked us for acting fast.",
            "Sorted within the day, all back on track.",
            "Free exchange done, {short} says the service was spot on.",
            "Refunded the shipping, went down very well.",
            "Fixed before the end of the call, great feedback.",
            "{short} appreciated how transparent we were on tracking.",
        ),
        "neutral": (
            "Investigation opened with the carrier.",
            "New delivery date given: {day}.",
            "Missing items being resent.",
            "Checked the parcel status with the carrier.",
            "Explained the returns process.",
            "Tracking link resent by email, nothing else.",
        ),
        "negative": (
            "Still not sorted, {short} wants to cancel the order.",
            "Third delivery problem in a row, completely fed up.",
            "{short} demands a full refund, not prepared to wait any longer.",
            "No info from the carrier, nobody knows where the order is.",
            "Missed delivery cost the {account} team a whole day.",
            "Thinks our logistics are a disaster.",
        ),
    },
}
MOOD = {
    "positive": (
        "Great call, very warm tone.",
        "Really enthusiastic about the service.",
        "Relationship in great shape.",
        "Lots of praise for the team.",
        "Clear trust there, things are moving nicely.",
        "Good mood on the call, we even had a laugh.",
        "Honestly one of the nicest accounts I look after.",
        "No objections at all, smooth sailing.",
    ),
    "neutral": (
        "Friendly enough, nothing special.",
        "Matter-of-fact, mostly after information.",
        "Nothing to flag on the relationship side.",
        "Short, businesslike call.",
        "No strong opinion either way for now.",
        "Neutral conversation, we'll see how it goes.",
        "Cautious, but no red flags.",
        "Calm discussion, nothing at stake.",
    ),
    "negative": (
        "Curt, clearly irritated.",
        "Tense conversation, several complaints.",
        "Threatened to go to a competitor.",
        "Obviously let down, trust is damaged.",
        "Hung up rather abruptly.",
        "Raised their voice more than once, really wound up.",
        "Talking about cancelling if this carries on.",
        "Patience has clearly run out.",
    ),
}
NEXT = {
    "positive": (
        "FU in three months for a check-in.",
        "Good moment to ask for a review.",
        "Follow-up call {day} to plan next steps.",
        "Mention the referral programme next time.",
        "Send a quick thank-you email today.",
        "Preparing the order, delivery to schedule {day}.",
        "Upsell opportunity to explore at the next meeting.",
        "Update the forecast, deal looking solid.",
    ),
    "neutral": (
        "Call back {day}.",
        "Waiting to hear back, chase in a week if nothing.",
        "Record updated, ticket closed.",
        "No action needed for now.",
        "Send the docs by email and see if questions come up.",
        "Pencilled in a check-in {day}.",
        "Nothing to do until next contact.",
        "To be continued.",
    ),
    "negative": (
        "Escalated to my manager today.",
        "Priority callback {day}, don't let this slide.",
        "Goodwill gesture needs sign-off from management.",
        "Flagged as at-risk in the CRM, keep a close eye.",
        "Ask support for a written update within 48h.",
        "Account manager to call {day}.",
        "If this isn't fixed quickly we'll lose the account.",
        "Raise with the quality team.",
    ),
}

# E-mails --------------------------------------------------------------------------------------

GREETING = "Hello {{customer_name}},"
CTA = "SHOP NOW"
SIGNOFF = "Best regards,\nThe BrandCo Team"
AND = "and"
DEADLINES = (
    "until Sunday midnight",
    "for two weeks only",
    "until the end of the month",
    "this weekend only",
    "for one week",
    "while stocks last",
)
SUBJECTS = {
    "acquisition": (
        "Welcome to BrandCo: {pct} off your first order",
        "Ready to try something new?",
        "Your first order, for less",
        "See what BrandCo can do for you",
        "A welcome gift: delivery's on us",
        "Thousands already love BrandCo. Why not you?",
        "{pct} off to say hello",
        "New here? There's a gift waiting for you",
    ),
    "retention": (
        "Thanks for sticking with us: a treat just for you",
        "We've been thinking about you",
        "Your member perks for this month are here",
        "A little thank-you from us",
        "Loyal customer? Enjoy {pct} off this month",
        "Tips to get the most out of your purchases",
        "Double loyalty points, starting now",
        "This month, it's all about you",
    ),
    "upsell": (
        "{pct} off our premium range, just for you",
        "Ready for an upgrade?",
        "The perfect match for your kit",
        "Liked it? You'll love what's next",
        "Exclusive: upgrade for less",
        "Why stop there?",
        "The accessories that make all the difference",
        "Customers like you also chose…",
    ),
    "winback": (
        "Come back and get {pct} off",
        "We miss you",
        "A special offer to welcome you back",
        "It's been a while!",
        "{pct} off to pick up where you left off",
        "We've changed. Come and see",
        "Last chance to use your reward",
        "Your spot is still here",
    ),
    "engagement": (
        "This month's new arrivals are here",
        "Got two minutes? We'd love your feedback",
        "Tips and tricks for your favourite products",
        "Enter our giveaway",
        "What's new at BrandCo this month",
        "Go behind the scenes at BrandCo",
        "Our favourite picks of the season",
        "Join the BrandCo community",
    ),
}
INTRO = {
    "acquisition": (
        "Looking for reliable products that make life easier? That's exactly what we've been "
        "doing at BrandCo for years.",
        "We're delighted to introduce BrandCo. Thousands of customers already rely on us every "
        "day, and we'd love for you to join them.",
        "Maybe it's time to try something new? {product} has already won over plenty of "
        "customers, and we're confident you'll like it too.",
        "Welcome! You've just discovered BrandCo, and we wanted to take a moment to tell you "
        "what makes us different.",
        "Quality, simplicity and customer service that actually answers: that's what BrandCo "
        "has for you, starting today.",
        "Thanks for stopping by our website recently. Here's a chance to get to know us better.",
    ),
    "retention": (
        "Thank you for being part of the BrandCo family. Your loyalty means a lot to us, and we "
        "wanted to say so.",
        "You've trusted us for a while now, and we want every purchase to stay a great experience.",
        "You've had {product} for some time now, so here are a few ideas to get even more out "
        "of it.",
        "As a loyal customer, you get a little extra attention. This month, you're first in line.",
        "We hope your recent purchases are everything you wanted. Your feedback keeps helping us "
        "make our products better.",
        "A big thank-you for your trust. To show it, we've put together a little surprise.",
    ),
    "upsell": (
        "Enjoying {product}? Then you'll love the picks we've lined up to go with it.",
        "Lots of customers who chose {product} go on to upgrade to our top range. Here's why.",
        "You already know BrandCo quality. Now it's time to see what our premium range can do "
        "for you.",
        "Fancy taking it further? We've picked products that pair perfectly with what you "
        "bought before.",
        "More performance, more comfort, more possibilities: our premium range was designed for "
        "demanding customers.",
        "Your current kit has proved itself. With a few well-chosen extras, it can do even more.",
    ),
    "winback": (
        "We haven't heard from you in a while, and we miss you.",
        "A lot has changed at BrandCo since your last visit, and we'd love to show you.",
        "We know you expect a lot. We've listened to our customers and improved our products "
        "accordingly.",
        "It's been a little while since your last order, and we wondered how you were getting on.",
        "We'd love to see you back. To tempt you, we've prepared something special.",
        "Did you enjoy {product}? Come and see everything that has joined the range since.",
    ),
    "engagement": (
        "We've got plenty of news to share with you this month.",
        "We've rounded up our best tips for getting the most out of your BrandCo products.",
        "At BrandCo we like to stay in touch with our customers. Here's the latest from us.",
        "Your opinion helps us improve. A few minutes is all it takes to tell us what you think "
        "of our products.",
        "Got {product}? Here are our best tips for getting even more out of it.",
        "New season, new ideas: take a look at our current favourites.",
    ),
}
PRODUCT_ONE = (
    "In the spotlight this time: {product}. Carefully designed, tested by our team and loved by "
    "our customers.",
    "Our pick for you: {product}, chosen for its quality and ease of use.",
    "{product} is available right now on our website, with full details and customer reviews.",
    "One of our current best-sellers, {product} wins everyone over, and it's easy to see why.",
    "Discover {product}: a safe bet, built to last.",
    "A closer look at {product}, with everything you need to know to choose with confidence.",
)
PRODUCTS = (
    "In the spotlight this time: {products}. Carefully designed, tested by our team and loved "
    "by our customers.",
    "Our picks for you: {products}. Each one chosen for its quality and ease of use.",
    "This selection includes {products}, all available right now on our website.",
    "Among our current best-sellers: {products}. Everyone loves them, and it's easy to see why.",
    "Discover {products}: safe bets, built to last.",
    "A closer look at {products}, with full details and customer reviews to help you choose.",
)
OFFER = {
    "acquisition": (
        "Enjoy {pct} off your first order {deadline}.",
        "Welcome offer: free delivery plus {pct} off {deadline}.",
        "Create your account today and get {pct} off the whole catalogue, {deadline}.",
        "Try us risk-free: thirty-day money-back guarantee and {pct} off your first purchase.",
        "Your welcome code gives you {pct} off, {deadline}.",
        "Sign up and get a welcome gift with your first order.",
    ),
    "retention": (
        "As a thank-you, here's {pct} off your next order, {deadline}.",
        "Your loyalty points are doubled {deadline}, so now's the time to use them.",
        "As a loyal customer, you get free express delivery on every order this month.",
        "A {pct} voucher is waiting in your account.",
        "Get early access to our private sales, with an extra {pct} off.",
        "We've extended your warranty by a year for free, no paperwork needed.",
    ),
    "upsell": (
        "Get {pct} off our premium range {deadline}.",
        "Add a matching product to your order and get {pct} off the lot.",
        "Upgrade at a special price: {pct} off, {deadline}.",
        "Buy any bundle and the accessory is free.",
        "Customers only: {pct} off products that go with your recent purchases.",
        "Upgrade today and we'll give you a good price for your old kit.",
    ),
    "winback": (
        "To welcome you back, take {pct} off any order you like, {deadline}.",
        "Come back now and get free delivery plus {pct} off.",
        "A special welcome-back code is waiting: {pct} off, {deadline}.",
        "There's a welcome-back gift waiting for you.",
        "Reactivate your account and get {pct} off everything {deadline}.",
        "To tempt you back, your next delivery is free, no minimum spend.",
    ),
    "engagement": (
        "Enter our giveaway for a chance to win {product}.",
        "Fill in our short survey and get {pct} off as a thank-you.",
        "Join our online community to swap tips and stories with other customers.",
        "Sign up for our free online workshop and discover everything your products can do.",
        "Review {product} for a chance to win a gift card.",
        "Check out our new how-to guides, free in your customer account.",
    ),
}
EMAIL_EXTRA = (
    "Delivery is fast and returns are free for thirty days.",
    "Our customer service team is here Monday to Saturday to answer any questions.",
    "All our products come with a two-year guarantee and go through strict quality checks.",
    "More than nine in ten customers would recommend BrandCo to a friend.",
    "Secure checkout, with the option to spread the cost over three interest-free payments.",
    "Every order is packed with care in our warehouses and shipped within 48 hours.",
)
CLOSING = (
    "We can't wait to see you again.",
    "Thank you for your trust, and see you soon.",
    "If you have any questions at all, just get in touch.",
    "We hope you enjoy this selection.",
    "See you soon at BrandCo.",
    "Everyone here wishes you a great day.",
)
