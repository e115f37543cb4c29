"""Static lists the synthetic district draws from: names, courses, codes. All synthetic; codes marked "synthetic" are
placeholders where the specs give no list (see the specs' gap sections)."""

FIRST_NAMES = (
    "Aaliyah", "Aaron", "Abigail", "Adrian", "Aiden", "Alejandro", "Alexis", "Amara", "Amir", "Ana", "Andre", "Angel",
    "Anika", "Ava", "Benjamin", "Bianca", "Brayden", "Brooklyn", "Caleb", "Camila", "Carlos", "Carter", "Chloe",
    "Daniel", "Deja", "Diego", "Dominic", "Elena", "Eli", "Elijah", "Emily", "Emma", "Ethan", "Fatima", "Gabriel",
    "Grace", "Hannah", "Hassan", "Hazel", "Isaac", "Isabella", "Jackson", "Jada", "Jamal", "Jasmine", "Jayden",
    "Jose", "Joshua", "Kai", "Kayla", "Khalid", "Leah", "Leo", "Liam", "Lily", "Logan", "Lucas", "Luis", "Maria",
    "Marcus", "Maya", "Mia", "Mohamed", "Naomi", "Nathan", "Noah", "Nora", "Olivia", "Omar", "Owen", "Priya",
    "Quinn", "Rahul", "Riley", "Rosa", "Ruby", "Samuel", "Sara", "Sofia", "Tariq", "Trinity", "Tyler", "Valeria",
    "Victoria", "Wei", "Xavier", "Yusuf", "Zara", "Zoe", "Zion",
)
LAST_NAMES = (
    "Adams", "Ahmed", "Allen", "Alvarez", "Anderson", "Bailey", "Baker", "Bell", "Brooks", "Brown", "Campbell",
    "Carter", "Castillo", "Chen", "Clark", "Collins", "Cook", "Cooper", "Cruz", "Davis", "Diaz", "Edwards", "Evans",
    "Fisher", "Flores", "Garcia", "Gomez", "Gonzalez", "Gray", "Green", "Hall", "Harris", "Hernandez", "Hill",
    "Hughes", "Hussein", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kelly", "Kim", "King", "Lee", "Lewis",
    "Lopez", "Martin", "Martinez", "Miller", "Mitchell", "Moore", "Morales", "Morgan", "Murphy", "Nguyen", "Nelson",
    "O'Brien", "Ortiz", "Parker", "Patel", "Perez", "Phillips", "Ramirez", "Reed", "Reyes", "Richardson", "Rivera",
    "Roberts", "Robinson", "Rodriguez", "Rogers", "Ross", "Sanchez", "Scott", "Smith", "Stewart", "Sullivan",
    "Taylor", "Thomas", "Thompson", "Torres", "Tran", "Turner", "Walker", "Ward", "Washington", "White", "Williams",
    "Wilson", "Wright", "Young",
)
MIDDLE_NAMES = ("A", "Lee", "Marie", "James", "Rose", "Jean", "Ann", "Ray", "Lynn", "Michael", None, None, None)
SUFFIXES = ("Jr", "Sr", "II", "III")

# Home languages. KY: 4-digit IC codes; only 0400 English and 1630 Other are confirmed by the specs, the other
# codes are synthetic (KY EL gap G8). KS: 2-digit synthetic codes (KIDS D41 list not found).
KY_LANGUAGES = (
    ("0400", "English", "eng"), ("2930", "Spanish", "spa"), ("0920", "Arabic", "ara"), ("3350", "Swahili", "swa"),
    ("3680", "Vietnamese", "vie"), ("1250", "French", "fre"), ("2940", "Somali", "som"), ("2440", "Nepali", "nep"),
    ("1630", "Other", "und"),
)
KS_LANGUAGES = (("01", "English"), ("02", "Spanish"), ("03", "Vietnamese"), ("04", "Arabic"), ("05", "Swahili"),
                ("06", "Somali"), ("07", "Burmese"))

# Course lists: (local number, name, KY state course code, kind). kind: core, elective, semester, placeholder, ...
ELEMENTARY_HOMEROOM_CODE = "010000"
KY_ELEMENTARY_SPECIALS = (("E-ART", "Elementary Art", "500701"), ("E-MUS", "Elementary Music", "500901"),
                          ("E-PE", "Elementary Physical Education", "720101"))
SECONDARY_COURSES = {
    "middle": (
        ("M-ELA", "Language Arts", "230701", "core"), ("M-MTH", "Mathematics", "270301", "core"),
        ("M-SCI", "Science", "300501", "core"), ("M-SOC", "Social Studies", "450701", "core"),
        ("M-PE", "Physical Education", "720201", "elective"), ("M-ART", "Visual Art", "500702", "elective"),
        ("M-BND", "Band", "500902", "elective"), ("M-ADV", "Advisory", "909995", "placeholder"),
        ("M-RES", "Special Education Resource", "230702", "sped"), ("M-ESL", "ESL Support", "230703", "esl"),
    ),
    "high": (
        ("0101", "English I", "230111", "core"), ("0102", "English II", "230112", "core"),
        ("0103", "English III", "230113", "core"), ("0201", "Algebra I", "270311", "core"),
        ("0202", "Geometry", "270312", "core"), ("0203", "Algebra II", "270313", "core"),
        ("0205", "AP Pre-calculus", "270510", "ap"), ("0301", "Biology", "302611", "core"),
        ("0302", "Chemistry", "400111", "core"), ("0401", "U.S. History", "450821", "core"),
        ("0402", "Political Science", "451029", "semester"), ("0403", "Economics", "450511", "semester"),
        ("0501", "Spanish I", "160111", "elective"), ("0601", "Health", "720111", "semester"),
        ("0602", "Physical Education", "720112", "semester"), ("0701", "Visual Art I", "500711", "elective"),
        ("0456V", "Online Credit Recovery English", "230114", "credit_recovery"),
        ("0801", "Dual Credit English Composition", "800501", "dual_credit"),
        ("0901", "Roster Only Non-Instructional", "909995", "placeholder"),
        ("0902", "Special Education Resource", "230115", "sped"), ("0903", "ESL English", "230116", "esl"),
    ),
    "cte": (
        ("C-WLD", "Welding I", "480311", "cte"), ("C-AUT", "Automotive Technology I", "470611", "cte"),
        ("C-HLT", "Health Science I", "170611", "cte"), ("C-AGR", "Agriculture Science", "010111", "cte"),
    ),
}
KS_SUBJECTS = {"ELA": ("ELA",), "Mathematics": ("Math",), "Science": ("Science",)}

KY_PRIMARY_DISABILITIES = ("01", "02", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "15")
KY_DISABILITY_WEIGHTS = (3, 1, 1, 20, 1, 6, 1, 12, 30, 2, 10, 1, 12)
KS_PRIMARY_DISABILITIES = ("AM", "DB", "DD", "ED", "HI", "LD", "MD", "ID", "OH", "OI", "SL", "TB", "VI")
KS_DISABILITY_WEIGHTS = (8, 1, 10, 6, 1, 30, 2, 4, 12, 1, 22, 1, 1)

KY_RACES = ("1", "2", "3", "4", "5", "6", "7")
KY_RACE_WEIGHTS = (9, 1, 2, 11, 1, 70, 6)

KY_MID_YEAR_EXITS = ("W22", "W24", "W29", "W21", "W20", "W25", "W02", "W07", "W12")
KS_MID_YEAR_EXITS = ("1", "2", "3", "4", "5", "6", "10", "11", "12", "13", "14", "15", "16", "17", "19", "20",
                     "21", "22", "23", "4a", "5a", "6a")

KY_EMPLOYEE_TYPES = {"teacher": "01", "speech": "05", "librarian": "06", "counselor": "03", "principal": "02",
                     "aide": "08", "sped": "01", "substitute": "09"}
