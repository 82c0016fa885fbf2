import os, sys, shutil
R = sys.argv[1]
shutil.rmtree(R, ignore_errors=True)
os.makedirs(R)
CB = """codes:
  - name: pain-point
    definition: Something that fails.
    keywords: [stuck, fail, broken, slow, spins, error]
  - name: workaround
    parent: pain-point
    definition: What they do instead.
    keywords: [spreadsheet, manually]
  - name: emotion
    definition: Feelings.
    keywords: [felt, frustrated, annoyed]
"""
def study(name, sprint, parts, interviews, codebook=CB):
    d = os.path.join(R, name); os.makedirs(d+"/interviews"); os.makedirs(d+"/transcripts"); os.makedirs(d+"/codings")
    open(d+"/study.yml","w").write(f"""title: Study {name}
research_question: How do customers get paid and where does it break down?
sprint: {sprint}
format: micro
segments:
  attribute: segment
  quotas: {{freelancer: 3, agency: 3}}
team:
  - {{name: Alex Morgan, role: researcher}}
  - {{name: Sam Lee, role: product manager}}
interviewer_labels: [Interviewer]
""")
    open(d+"/codebook.yml","w").write(codebook)
    open(d+"/guide.yml","w").write("""format: micro
questions:
  - text: "Tell me about the last time you chased a late payment."
    kind: opener
  - text: "What happened next?"
    kind: probe
""")
    rows = ["id,name,email,phone,segment,status,invited_on,interviewed_on,consent_record,consent_quote"]
    for p in parts: rows.append(",".join(p))
    open(d+"/participants.csv","w").write("\n".join(rows)+"\n")
    for (iid, date, pid, lab, turns, quotes) in interviews:
        t = []
        for q,a in turns:
            t.append(f"Interviewer: {q}"); t.append(f"{lab}: {a}")
        open(f"{d}/transcripts/{iid}.txt","w").write("\n".join(t)+"\n")
        qs = "\n".join(f'- "{q}" (0:{10+i*5:02d})' for i,q in enumerate(quotes))
        open(f"{d}/interviews/{iid}.md","w").write(f"""---
id: {iid}
date: {date}
participant: {pid}
interviewer: Alex Morgan
note_taker: Sam Lee
duration: 5
transcript: {iid}.txt
---

## Key Quotes
{qs}

## Insights
- They chased the invoice by hand.

## Opportunities
- Automatic reminders.
""")
Q1="Tell me about the last time you chased a late payment."
study("S1","2026-S01",[
 ("P-001","Siobhán Quigley","siobhan.quigley@example.com","+44 7700 900123","freelancer","completed","2026-01-02","2026-01-05","yes","yes"),
 ("P-002","Bartholomew Okonkwo","bart@acme.io","07700 900456","agency","completed","2026-01-02","2026-01-06","yes","yes"),
 ("P-003","Zebedee Marchetti","zeb@marchetti.it","","agency","completed","2026-01-02","2026-01-07","yes","no"),
],[
 ("INT-001","2026-01-05","P-001","Siobhan",[(Q1,"The xylophone invoice was stuck for weeks and I felt frustrated, Bartholomew told me to use a spreadsheet."),("What happened next?","I rang them on 07700 900456 and emailed bart@acme.io about it.")],["The xylophone invoice was stuck for weeks and I felt frustrated, Bartholomew told me to use a spreadsheet."]),
 ("INT-002","2026-01-06","P-002","Bartholomew",[(Q1,"Our quokka client paid late because the portal was broken again."),("What happened next?","I kept a spreadsheet manually for every quokka invoice.")],["Our quokka client paid late because the portal was broken again."]),
 ("INT-003","2026-01-07","P-003","Zebedee",[(Q1,"The platypus contract had a clause nobody read and the payment was slow."),("What happened next?","My secret platypus spreadsheet saved the day honestly.")],["The platypus contract had a clause nobody read and the payment was slow."]),
])
study("S2","2026-S05",[
 ("P-001","Siobhán Quigley","siobhan.quigley@example.com","+44 7700 900123","freelancer","completed","2026-02-01","2026-02-03","yes","no"),
 ("P-010","Siobhan Quigly","Siobhan.Quigley@Example.com","","freelancer","completed","2026-02-01","2026-02-04","yes","yes"),
 ("P-011","Ngozi Adeyemi","ngozi@example.net","0161 496 0000","agency","completed","2026-02-01","2026-02-05","yes","yes"),
],[
 ("INT-010","2026-02-03","P-001","Siobhan",[(Q1,"The walrus invoice failed again and I felt annoyed about the slow portal."),("What happened next?","I wrote the walrus numbers into a spreadsheet manually.")],["The walrus invoice failed again and I felt annoyed about the slow portal."]),
 ("INT-011","2026-02-04","P-010","Siobhan",[(Q1,"The narwhal payment was broken and stuck in approval for ages."),("What happened next?","Zebedee Marchetti suggested I call 0161 496 0000 for the narwhal team.")],["The narwhal payment was broken and stuck in approval for ages."]),
 ("INT-012","2026-02-05","P-011","Ngozi",[(Q1,"The aardvark retainer arrived on time, honestly no problem at all."),("What happened next?","Nothing, the aardvark client is lovely.")],["The aardvark retainer arrived on time, honestly no problem at all."]),
])
